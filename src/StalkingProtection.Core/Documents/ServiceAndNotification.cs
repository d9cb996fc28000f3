using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Documents;

public sealed partial class DocumentService
{
    /// <summary>
    /// The statement of service of the order on the respondent, from the service recorded (SPA 2019 s.9(1): the notification duty runs from
    /// service). Null when there is no such order; refused while the order has not been served.
    /// </summary>
    public async Task<GeneratedDocument?> StatementOfServiceAsync(Guid orderId, string purpose, Actor actor, CancellationToken ct = default)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return null;
        }

        if (order.ServedAt is not { } servedAt)
        {
            throw Rules.RuleViolationException.Input("document", "The order has not been served: record service first");
        }

        var person = await RespondentAsync(order.RespondentId, ct);
        var stalkingCase = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == order.CaseId, ct);
        var blocks = new List<DocumentBlock>
        {
            new DocumentParagraph("Stalking Protection Act 2019. Statement of service of a stalking protection order on the defendant."),
            new DocumentTable([
                new("Defendant", person.PrimaryName.FullName),
                new("Date of birth", person.DateOfBirth is { } dob ? Date(dob) : "Not recorded"),
                new("Order", $"{(order.Kind == OrderKind.Interim ? "Interim" : "Full")} stalking protection order made by {order.CourtName} on {Date(order.MadeOn)}"),
                new("In force until", Until(order)),
                new("Served at", DateTimeText(servedAt)),
                new("How served", order.ServiceMethod switch
                {
                    ServiceMethod.Personal => "In person, by handing the defendant a copy of the order",
                    ServiceMethod.PresentInCourt => "The defendant was present in court when the order was made",
                    _ => "By another method recorded with the service",
                }),
                new("Served by", order.ServedBy ?? "Not recorded"),
                new("Crime references", Join(stalkingCase.CrimeReferenceList, "None recorded")),
            ]),
            new DocumentHeading("Told to the defendant on service"),
            new DocumentBulletList([
                "The prohibitions and requirements of the order and how long each lasts.",
                "That breaching the order without reasonable excuse is an offence (SPA 2019 s.8).",
                "The duty to notify the police of their names and home address within 3 days of service, and of any change (SPA 2019 s.9), and that failing to do so is an offence (s.11).",
            ]),
            new DocumentHeading("Statement"),
            new DocumentParagraph($"I served the order on the defendant as set out above. Served by: {order.ServedBy ?? "................................"}"),
            new DocumentParagraph("Signed ........................................    Date ....................."),
        };

        return await AuditedAsync(new GeneratedDocument(DocumentKind.StatementOfService, "Statement of service",
            FileStem("statement-of-service", order.Id, timeProvider.UkToday), DocumentLanguage.English, blocks), order.Id, purpose, actor, ct);
    }

    /// <summary>The written acknowledgement of a notification at a police station, with its reference (SPA 2019 s.10(4)). Null when there is none.</summary>
    public async Task<GeneratedDocument?> NotificationAcknowledgementAsync(Guid notificationId, string purpose, Actor actor, CancellationToken ct = default)
    {
        var n = await db.NotificationEvents.AsNoTracking().SingleOrDefaultAsync(e => e.Id == notificationId, ct);
        if (n is null)
        {
            return null;
        }

        var person = await RespondentAsync(n.RespondentId, ct);
        var blocks = new List<DocumentBlock>
        {
            new DocumentParagraph("Stalking Protection Act 2019, section 10(4): written acknowledgement of a notification."),
            new DocumentTable([
                new("Reference", n.AcknowledgementReference),
                new("Acknowledged at", DateTimeText(n.AcknowledgedAt)),
                new("Name of the person notifying", person.PrimaryName.FullName),
                new("Notified at", DateTimeText(n.NotifiedAt)),
                new("Police station", n.StationName),
                new("Received by", n.ReceivedBy),
                new("Names notified", n.NamesGiven ?? "None given"),
                new("Home address notified", n.AddressGiven ?? "None given"),
                new("Form", n.AcknowledgementFormVersion ?? "Not recorded"),
            ]),
            new DocumentParagraph("Keep this acknowledgement: it shows that you notified the police on the day and at the time above."),
        };

        return await AuditedAsync(new GeneratedDocument(DocumentKind.NotificationAcknowledgement, "Acknowledgement of notification",
            FileStem("acknowledgement", n.Id, timeProvider.UkToday), DocumentLanguage.English, blocks), n.Id, purpose, actor, ct, nameof(NotificationEvent));
    }

    private static string DateTimeText(DateTimeOffset instant)
    {
        var local = LondonTime.LocalDateTimeOf(instant);
        return $"{Date(DateOnly.FromDateTime(local))} at {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }
}
