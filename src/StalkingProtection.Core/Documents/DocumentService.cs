using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Documents;

/// <summary>
/// Builds each document from the records, never from retyped text, and audits every generation as a disclosure with its purpose
/// (DPA 2018 s.62): one method per document, each returning the neutral model that both renderers draw.
/// </summary>
public sealed partial class DocumentService(StalkingProtectionDbContext db, AuditLog audit, TimeProvider timeProvider)
{
    public const int PurposeMaxLength = AuditEntry.JustificationMaxLength;

    private static readonly CultureInfo _english = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// One page for response officers: a photo box, the respondent's identifiers, the terms and named areas in force today, the officer
    /// in charge and what a breach looks like. It holds no victim's contact details or address. Null when there is no such order.
    /// </summary>
    public async Task<GeneratedDocument?> OrderBriefingAsync(Guid orderId, string purpose, Actor actor, CancellationToken ct = default)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return null;
        }

        var today = timeProvider.UkToday;
        var stalkingCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == order.CaseId, ct);
        var person = await RespondentAsync(order.RespondentId, ct);
        var officers = await OfficerNames.OfAsync(db, [stalkingCase.OfficerInCharge], ct);
        var officer = officers.GetValueOrDefault(stalkingCase.OfficerInCharge, stalkingCase.OfficerInCharge);
        var inForce = order.ConditionsInForceOn(today).OrderBy(c => c.Sequence).ToList();

        var blocks = new List<DocumentBlock>
        {
            new DocumentPhotoBox("Photograph of the respondent"),
            new DocumentTable([
                new("Respondent", person.PrimaryName.FullName),
                new("Other names", Join(person.Names.Where(n => n.IsAlias).Select(n => n.FullName), "None recorded")),
                new("Date of birth", person.DateOfBirth is { } dob ? Date(dob) : "Not recorded"),
                new("PNC ID", person.PncId ?? "Not recorded"),
                new("Order", $"{(order.Kind == OrderKind.Interim ? "Interim" : "Full")} stalking protection order made by {order.CourtName} on {Date(order.MadeOn)}"),
                new("In force until", Until(order)),
                new("Served on the respondent", order.ServedOn is { } served ? Date(served) : "Not yet served"),
                new("PNC reference of the order", order.PncReference ?? "Not recorded"),
                new("Crime references", Join(stalkingCase.CrimeReferenceList, "None recorded")),
            ]),
            new DocumentHeading($"Terms in force on {Date(today)}"),
        };
        if (inForce.Count == 0)
        {
            blocks.Add(new DocumentParagraph($"The order is not in force on {Date(today)} ({Status(order.StatusOn(today))}): it binds the respondent to nothing today."));
        }
        else
        {
            blocks.Add(new DocumentNumberedList(inForce.Select(c => ConditionText(c, order)).ToList()));
        }

        var areas = inForce.Where(c => c.Scope == ConditionScope.Locality).Select(Area).Distinct().ToList();
        blocks.Add(new DocumentHeading("Named areas"));
        blocks.Add(areas.Count == 0
            ? new DocumentParagraph("No condition in force is limited to a named area: each applies throughout the United Kingdom (SPA 2019 s.2(4)).")
            : new DocumentBulletList(areas));
        blocks.Add(new DocumentHeading("Officer in charge"));
        blocks.Add(new DocumentParagraph(string.IsNullOrEmpty(stalkingCase.Team) ? officer : $"{officer}, {stalkingCase.Team}"));
        blocks.Add(new DocumentHeading("What a breach looks like"));
        blocks.Add(new DocumentBulletList([
            "Doing anything a prohibition above forbids, anywhere it applies, including through someone else or online.",
            "Not doing something a requirement above demands, by the time it demands.",
            "Either, without reasonable excuse, is an offence (SPA 2019 s.8): up to 5 years' imprisonment on indictment. Consider arrest where it is necessary.",
            "Failing to notify the police of a name or home address, or giving false information, is a separate offence (SPA 2019 s.11).",
            "Record the breach on the order's page the same day and tell the officer in charge.",
        ]));

        return await AuditedAsync(new GeneratedDocument(DocumentKind.OrderBriefing, "Order briefing for response officers",
            FileStem("order-briefing", order.Id, today), DocumentLanguage.English, blocks), order.Id, purpose, actor, ct);
    }

    /// <summary>Checks the purpose, then records the generation as a disclosure in the same save: no document leaves unaudited.</summary>
    private async Task<GeneratedDocument> AuditedAsync(GeneratedDocument document, Guid recordId, string purpose, Actor actor, CancellationToken ct,
        string recordType = nameof(StalkingProtectionOrder))
    {
        CheckPurpose(purpose);
        audit.Add(actor, AuditEvents.Document.Generated.For(recordId, purpose.Trim(),
            newValues: new { Document = document.Kind.ToString(), Language = document.Language.ToString() }) with { RecordType = recordType });
        await db.SaveChangesAsync(ct);
        return document;
    }

    /// <summary>DPA 2018 s.62: a disclosure is logged with why it was made, so a document is not generated without its purpose.</summary>
    public static void CheckPurpose(string? purpose)
    {
        if (string.IsNullOrWhiteSpace(purpose))
        {
            throw RuleViolationException.Input("purpose", "Enter why the document is needed");
        }

        if (purpose.Trim().Length > PurposeMaxLength)
        {
            throw RuleViolationException.Input("purpose", $"The purpose is at most {PurposeMaxLength} characters");
        }
    }

    private async Task<People.Person> RespondentAsync(Guid respondentId, CancellationToken ct) =>
        await db.PersonOfRespondent(respondentId).AsNoTracking().Include(p => p.Names).SingleAsync(ct);

    private static string ConditionText(Condition c, StalkingProtectionOrder order)
    {
        var kind = c.Type == ConditionType.Prohibition ? "Prohibition" : "Requirement";
        var where = c.Scope == ConditionScope.Locality ? $"Applies in: {Area(c)}." : "Applies throughout the United Kingdom.";
        return $"{kind}: {c.Wording.Trim()} {where} {ConditionUntil(c, order)}";
    }

    private static string ConditionUntil(Condition c, StalkingProtectionOrder order) => c.Duration switch
    {
        ConditionDuration.FixedPeriod when c.EndsOn is { } ends => $"Lasts until the end of {Date(ends)}.",
        ConditionDuration.UntilFurtherOrder => "Lasts until the court orders otherwise.",
        _ => order.LastInForceDay is { } last ? $"Lasts as long as the order (until the end of {Date(last)})." : "Lasts as long as the order (until further order).",
    };

    private static string Area(Condition c) =>
        c.MapReference is { Length: > 0 } map ? $"{c.LocalityText?.Trim()} (map: {map.Trim()})" : c.LocalityText?.Trim() ?? "";

    private static string Until(StalkingProtectionOrder order) =>
        order.LastInForceDay is { } last ? $"The end of {Date(last)}" : "Until further order of the court";

    private static string Status(OrderStatus status) => status switch
    {
        OrderStatus.NotYetMade => "not yet made",
        OrderStatus.InForce => "in force",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", _english);

    private static string Join(IEnumerable<string> items, string none)
    {
        var list = items.Where(i => !string.IsNullOrWhiteSpace(i)).ToList();
        return list.Count == 0 ? none : string.Join(", ", list);
    }

    /// <summary>The kind, the record's short id and the day: no personal data in a file name.</summary>
    private static string FileStem(string kind, Guid recordId, DateOnly today) =>
        $"{kind}-{recordId.ToString("N", CultureInfo.InvariantCulture)[^8..]}-{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
