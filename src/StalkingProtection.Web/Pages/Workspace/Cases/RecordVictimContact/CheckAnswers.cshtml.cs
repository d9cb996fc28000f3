using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Web.Pages.Workspace.Cases.RecordVictimContact;

public class CheckAnswersModel(StalkingProtectionDbContext db, ReviewService reviews, VictimContactService victimContacts)
    : CaseCheckPageModel<VictimContactState>(db)
{
    public const string ChannelCheckReason = "Checking the way a contact was made against the victim's safe-contact preferences";

    public string VictimName { get; private set; } = "";

    /// <summary>The contact was made in a way the victim did not choose as safe (Victims' Code, R41).</summary>
    public bool ChannelNotChosen { get; private set; }

    public override string SaveButton => "Record contact";

    protected override string JourneyName => IndexModel.Name;

    protected override async Task<IActionResult> SaveAsync(VictimContactState answers, Override? @override, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var recorded = await reviews.RecordVictimContactAsync(new RecordVictimContactOptions(answers.VictimId, null, answers.EventType,
            LondonTime.ToUtc(answers.OccurredOn, answers.OccurredAt), answers.Channel, answers.Summary), Actor, ct);
        return BackToCase(recorded.Explain());
    }

    protected override async Task<bool> DescribeAsync(VictimContactState answers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (await Db.Victims.AsNoTracking().SingleOrDefaultAsync(v => v.Id == answers.VictimId && v.CaseId == Id, ct) is not { } victim)
        {
            return false;
        }

        VictimName = victim.Person.PrimaryName.FullName;

        // Reading the preferences is audited like any other read (DPA 2018 s.62), with the reason it is needed.
        var contact = await victimContacts.ReadAsync(victim.Id, Actor, ChannelCheckReason, ct);
        ChannelNotChosen = contact is not null && SafeContactChannels.Chose(contact, answers.Channel) == false;
        return true;
    }
}

/// <summary>Whether a victim chose a way of being contacted, from their recorded safe-contact details.</summary>
public static class SafeContactChannels
{
    /// <summary>False when the victim did not choose the channel; null when no choice is recorded for it (in person, through an advocate).</summary>
    public static bool? Chose(VictimContact contact, ContactChannel channel)
    {
        ArgumentNullException.ThrowIfNull(contact);

        // Details copied from an online report begin with the ways the victim chose ("Contact by: Phone call, Email.").
        var chosen = contact.SafeTimes is { } text && text.StartsWith("Contact by:", StringComparison.Ordinal) ? text : null;
        if (chosen is not null && chosen.Contains(ReportDescriptions.ContactMethods(SafeContactMethods.None), StringComparison.Ordinal))
        {
            return false;
        }

        return channel switch
        {
            ContactChannel.Phone => contact.Phone is not null && (chosen is null || chosen.Contains(ReportDescriptions.ContactMethods(SafeContactMethods.Phone), StringComparison.Ordinal)),
            ContactChannel.Email => contact.Email is not null && (chosen is null || chosen.Contains(ReportDescriptions.ContactMethods(SafeContactMethods.Email), StringComparison.Ordinal)),
            ContactChannel.Letter => contact.Address is not null,
            _ => null,
        };
    }
}
