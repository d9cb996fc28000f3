using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Data;

namespace StalkingProtection.Core.VictimUpdates;

/// <summary>
/// Adds victim updates to the caller's unit of work, so that they commit with the event they tell of or not at all. Each
/// victim on the case who opted in to the event gets one message; a victim who asked not to be contacted gets none (R41).
/// </summary>
internal static partial class VictimUpdateOutbox
{
    /// <summary>
    /// How much of an officer's own words a message carries: Notify refuses a text message over 918 characters, and the rest of the
    /// message must fit beside them.
    /// </summary>
    internal const int OfficerWordsMaxLength = 600;

    private static readonly CultureInfo _english = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// <paramref name="detail"/> is a sentence that says what happened, worded by the service, or an officer's words that
    /// <see cref="FindPersonalDetail"/> has passed.
    /// </summary>
    public static async Task<int> AddAsync(StalkingProtectionDbContext db, Guid caseId, VictimUpdateEvent update, string? victimReference, DateOnly? on,
        DateTimeOffset now, CancellationToken ct, string? key = null, string? detail = null)
    {
        var victimIds = await db.Victims.Where(v => v.CaseId == caseId).Select(v => v.Id).ToListAsync(ct);
        var preferences = await db.Set<VictimUpdatePreferences>().AsNoTracking().Where(p => victimIds.Contains(p.VictimId)).ToListAsync(ct);
        var added = 0;
        foreach (var wanted in preferences.Where(p => p.Wants(update)))
        {
            var messageKey = key is null ? null : $"{key}:{wanted.VictimId:N}";
            if (messageKey is not null && await db.Set<VictimMessage>().AnyAsync(m => m.Key == messageKey, ct))
            {
                continue;
            }

            var message = new VictimMessage
            {
                Id = Guid.CreateVersion7(now),
                VictimId = wanted.VictimId,
                CaseId = caseId,
                Event = update,
                Channel = wanted.Channel,
                Body = Text(update, victimReference, on, detail),
                Key = messageKey,
                CreatedAt = now.ToUniversalTime(),
            };
            message.WaitUntil(wanted.SafeTimes.NextOpening(now) ?? now);
            db.Set<VictimMessage>().Add(message);
            added++;
        }

        return added;
    }

    /// <summary>
    /// The whole text of an update: the event, its date and the order's victim reference, nothing else. No name, address,
    /// phone number or email address is ever put in, so none can reach a message (R41).
    /// </summary>
    internal static string Text(VictimUpdateEvent update, string? victimReference, DateOnly? on, string? detail = null)
    {
        var date = on is { } d ? d.ToString("d MMMM yyyy", _english) : null;
        var what = update switch
        {
            VictimUpdateEvent.ApplicationMade => "The police have applied to the court for a Stalking Protection Order",
            VictimUpdateEvent.HearingListed => date is null ? "A court hearing has been listed" : $"A court hearing has been listed for {date}",
            VictimUpdateEvent.OrderGranted => "The court made a Stalking Protection Order",
            VictimUpdateEvent.OrderRefused => "The court did not make a Stalking Protection Order",
            VictimUpdateEvent.OrderServed => "The Stalking Protection Order has been served",
            VictimUpdateEvent.BreachReported => "A breach of the Stalking Protection Order has been recorded",
            VictimUpdateEvent.BreachOutcome => "There is an outcome on a reported breach of the Stalking Protection Order",
            VictimUpdateEvent.OrderVaried => "The court varied the Stalking Protection Order",
            VictimUpdateEvent.OrderRenewed => "The court renewed the Stalking Protection Order",
            VictimUpdateEvent.OrderDischarged => "The court discharged the Stalking Protection Order",
            VictimUpdateEvent.OrderEnding => date is null ? "The Stalking Protection Order ends soon" : $"The Stalking Protection Order ends after {date}",
            _ => throw new ArgumentOutOfRangeException(nameof(update)),
        };
        var when = update is VictimUpdateEvent.HearingListed or VictimUpdateEvent.OrderEnding || date is null ? "" : $" on {date}";
        var reference = string.IsNullOrEmpty(victimReference) ? "" : $" Reference: {victimReference}.";
        var said = string.IsNullOrWhiteSpace(detail) ? "" : $" {detail.Trim()}";
        return $"{what}{when}.{said}{reference} Contact your officer if you have questions.";
    }

    /// <summary>R41: what a message says about the outcome of a breach, in words a victim reads without police terms; no one is named.</summary>
    internal static string OutcomeDetail(BreachOutcome outcome) => outcome switch
    {
        BreachOutcome.UnderInvestigation => "The police are investigating it.",
        BreachOutcome.NoFurtherAction => "The police have decided to take no further action. Your officer can tell you why.",
        BreachOutcome.Charged => "The person the order is against has been charged with breaching it.",
        BreachOutcome.Convicted => "The person the order is against has been found guilty of breaching it.",
        BreachOutcome.Acquitted => "The court found the person the order is against not guilty of breaching it.",
        BreachOutcome.ReasonableExcuseAccepted => "It was accepted that the person the order is against had a reasonable excuse, so it was not an offence.",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    /// <summary>R41: what a message says about an officer's decision on a breach reported online, followed by their reasons.</summary>
    internal static string DecisionDetail(ReportedBreachDecision decision) => decision switch
    {
        ReportedBreachDecision.Arrest => "An officer looked into what was reported and decided the person the order is against should be arrested.",
        ReportedBreachDecision.FurtherEnquiries => "An officer looked into what was reported and is making further enquiries.",
        ReportedBreachDecision.NoBreach => "An officer looked into what was reported and decided it was not a breach of the order.",
        _ => throw new ArgumentOutOfRangeException(nameof(decision)),
    };

    /// <summary>
    /// An officer's reasons as a message carries them, cut at a word before <see cref="OfficerWordsMaxLength"/> with a pointer to the
    /// officer for the rest.
    /// </summary>
    internal static string OfficerReasons(string reasons)
    {
        var words = string.Join(' ', reasons.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (words.Length > OfficerWordsMaxLength)
        {
            var cut = words.LastIndexOf(' ', OfficerWordsMaxLength);
            words = $"{words[..(cut > 0 ? cut : OfficerWordsMaxLength)]}... Your officer can tell you the rest";
        }

        return $"The officer's reasons: {words}{(words.EndsWith('.') || words.EndsWith('?') || words.EndsWith('!') ? "" : ".")}";
    }

    /// <summary>
    /// R41: an officer's words sent to a victim carry no contact details (an email address, a phone number, a postcode) and none of
    /// the names given, which are the respondent's and the victims'. Returns what was found, to say so, or null.
    /// </summary>
    internal static string? FindPersonalDetail(string text, IEnumerable<string> names)
    {
        if (EmailPattern().IsMatch(text))
        {
            return "an email address";
        }

        if (PhonePattern().IsMatch(text))
        {
            return "a phone number";
        }

        if (PostcodePattern().IsMatch(text))
        {
            return "a postcode";
        }

        var named = names.Select(n => n.Trim()).Where(n => n.Length > 1).Distinct(StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(n => Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(n)}(?!\w)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));
        return named is null ? null : $"the name \"{named}\"";
    }

    [GeneratedRegex(@"[^\s@]+@[^\s@]+\.[^\s@]+")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<!\d)(?:\+44|0)(?:[\s-]?\d){9,10}(?!\d)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PostcodePattern();
}
