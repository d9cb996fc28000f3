using System.Globalization;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Time;

namespace StalkingProtection.Core.Documents;

public sealed partial class DocumentService
{
    /// <summary>
    /// The victim's copy of the order explained in plain English (or Welsh): what the respondent must not do and must do, until when,
    /// what a breach is, how to report one online with the order's victim reference, and where to get support. The terms are quoted
    /// from the record as the court made them. Null when there is no such order.
    /// </summary>
    public async Task<GeneratedDocument?> VictimCopyAsync(Guid orderId, DocumentLanguage language, string reportBreachAddress, string purpose, Actor actor,
        CancellationToken ct = default)
    {
        var order = await db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return null;
        }

        var today = timeProvider.UkToday;
        var person = await RespondentAsync(order.RespondentId, ct);
        var words = language == DocumentLanguage.Welsh ? VictimCopyWords.Welsh : VictimCopyWords.English;
        string date(DateOnly d) => d.ToString("d MMMM yyyy", words.Culture);
        var inForce = order.ConditionsInForceOn(today).OrderBy(c => c.Sequence).ToList();
        string line(Condition c)
        {
            var where = c.Scope == ConditionScope.Locality ? $" {words.OnlyIn} {Area(c)}." : "";
            var until = c.Duration == ConditionDuration.FixedPeriod && c.EndsOn is { } ends ? $" {words.ConditionUntil(date(ends))}" : "";
            return $"{c.Wording.Trim()}{where}{until}";
        }

        var blocks = new List<DocumentBlock>
        {
            new DocumentParagraph(words.Intro(person.PrimaryName.FullName, order.CourtName, date(order.MadeOn))),
            new DocumentHeading(words.MustNotHeading),
        };
        var prohibitions = inForce.Where(c => c.Type == ConditionType.Prohibition).Select(line).ToList();
        blocks.Add(prohibitions.Count == 0 ? new DocumentParagraph(words.NoneToday) : new DocumentNumberedList(prohibitions));
        blocks.Add(new DocumentHeading(words.MustHeading));
        var requirements = inForce.Where(c => c.Type == ConditionType.Requirement).Select(line).ToList();
        blocks.Add(requirements.Count == 0 ? new DocumentParagraph(words.NoneToday) : new DocumentNumberedList(requirements));
        if (inForce.Count > 0 && language == DocumentLanguage.Welsh)
        {
            blocks.Add(new DocumentParagraph(words.WordingAsMade));
        }

        blocks.Add(new DocumentHeading(words.UntilHeading));
        blocks.Add(new DocumentParagraph(order.LastInForceDay is { } last ? words.UntilDay(date(last)) : words.UntilFurtherOrder));
        blocks.Add(new DocumentHeading(words.BreachHeading));
        blocks.Add(new DocumentParagraph(words.BreachIs));
        blocks.Add(new DocumentHeading(words.ReportHeading));
        blocks.Add(new DocumentBulletList([words.Emergency, words.ReportOnline(reportBreachAddress), words.ReportByPhone]));
        blocks.Add(new DocumentTable([new(words.ReferenceLabel, order.VictimReference ?? words.NoReference)]));
        blocks.Add(new DocumentParagraph(words.KeepSafe));
        blocks.Add(new DocumentHeading(words.SupportHeading));
        blocks.Add(new DocumentBulletList(words.Support));

        var stem = language == DocumentLanguage.Welsh ? "victim-copy-cy" : "victim-copy";
        return await AuditedAsync(new GeneratedDocument(DocumentKind.VictimCopy, words.Title, FileStem(stem, order.Id, today), language, blocks),
            order.Id, purpose, actor, ct);
    }

    /// <summary>The victim's copy's fixed words in each language; the order's terms come from the record.</summary>
    private sealed record VictimCopyWords(
        CultureInfo Culture,
        string Title,
        Func<string, string, string, string> Intro,
        string MustNotHeading,
        string MustHeading,
        string NoneToday,
        string OnlyIn,
        Func<string, string> ConditionUntil,
        string WordingAsMade,
        string UntilHeading,
        Func<string, string> UntilDay,
        string UntilFurtherOrder,
        string BreachHeading,
        string BreachIs,
        string ReportHeading,
        string Emergency,
        Func<string, string> ReportOnline,
        string ReportByPhone,
        string ReferenceLabel,
        string NoReference,
        string KeepSafe,
        string SupportHeading,
        IReadOnlyList<string> Support)
    {
        public static VictimCopyWords English { get; } = new(
            CultureInfo.GetCultureInfo("en-GB"),
            "Your copy of the stalking protection order, explained",
            (respondent, court, made) =>
                $"On {made}, {court} made a stalking protection order against {respondent}. The order is there to protect you. This letter explains what it means.",
            "What they must not do",
            "What they must do",
            "Nothing under this heading is in force today.",
            "This applies in:",
            ends => $"This lasts until the end of {ends}.",
            "",
            "How long the order lasts",
            last => $"The order lasts until the end of {last}, unless the court changes or ends it sooner. We will tell you if that happens.",
            "The order lasts until the court ends it. We will tell you if the court changes or ends it.",
            "What a breach is",
            "It is a breach if they do anything the order says they must not do, or do not do something it says they must do. "
                + "A breach is a crime: they can be arrested and sent to prison for up to 5 years.",
            "How to report a breach",
            "If you are in danger now, call 999. If you cannot speak, call 999 and press 55 when asked.",
            address => $"Report a breach online at {address}. Give the reference below so we can find the order quickly.",
            "Or call 101 and say that a stalking protection order has been breached.",
            "Your reference",
            "Ask the officer in charge for your reference",
            "Keep this letter somewhere safe. Your reference tells nobody who you are or who the order is against.",
            "Where to get support",
            [
                "National Stalking Helpline: 0808 802 0300 (free)",
                "Victim Support: 08 08 16 89 111 (free, 24 hours)",
                "The officer in charge of your case can also refer you to a local stalking advocate.",
            ]);

        public static VictimCopyWords Welsh { get; } = new(
            CultureInfo.GetCultureInfo("cy-GB"),
            "Eich copi o'r gorchymyn diogelu rhag stelcian, wedi'i egluro",
            (respondent, court, made) =>
                $"Ar {made}, gwnaeth {court} orchymyn diogelu rhag stelcian yn erbyn {respondent}. Mae'r gorchymyn yno i'ch diogelu chi. Mae'r llythyr hwn yn egluro beth mae'n ei olygu.",
            "Beth na chaiff ei wneud",
            "Beth y mae'n rhaid iddo ei wneud",
            "Nid oes dim o dan y pennawd hwn mewn grym heddiw.",
            "Mae hyn yn gymwys yn:",
            ends => $"Mae hyn yn para tan ddiwedd {ends}.",
            "Mae geiriad yr amodau uchod yn Saesneg, fel y'u gwnaed gan y llys.",
            "Am ba hyd y mae'r gorchymyn yn para",
            last => $"Mae'r gorchymyn yn para tan ddiwedd {last}, oni bai bod y llys yn ei newid neu'n ei ddiweddu'n gynt. Byddwn yn dweud wrthych os bydd hynny'n digwydd.",
            "Mae'r gorchymyn yn para nes bod y llys yn ei ddiweddu. Byddwn yn dweud wrthych os bydd y llys yn ei newid neu'n ei ddiweddu.",
            "Beth yw torri'r gorchymyn",
            "Mae'n torri'r gorchymyn os yw'n gwneud unrhyw beth y mae'r gorchymyn yn dweud na chaiff ei wneud, neu os nad yw'n gwneud rhywbeth y mae'n dweud bod rhaid iddo ei wneud. "
                + "Mae torri'r gorchymyn yn drosedd: gellir ei arestio a'i anfon i'r carchar am hyd at 5 mlynedd.",
            "Sut i roi gwybod am dorri'r gorchymyn",
            "Os ydych mewn perygl nawr, ffoniwch 999. Os na allwch siarad, ffoniwch 999 a phwyso 55 pan ofynnir i chi.",
            address => $"Rhowch wybod am dorri'r gorchymyn ar-lein yn {address}. Rhowch y cyfeirnod isod er mwyn i ni allu dod o hyd i'r gorchymyn yn gyflym.",
            "Neu ffoniwch 101 a dweud bod gorchymyn diogelu rhag stelcian wedi'i dorri.",
            "Eich cyfeirnod",
            "Gofynnwch i'r swyddog sy'n gyfrifol am eich cyfeirnod",
            "Cadwch y llythyr hwn yn rhywle diogel. Nid yw eich cyfeirnod yn dweud wrth neb pwy ydych chi na phwy y mae'r gorchymyn yn ei erbyn.",
            "Ble i gael cymorth",
            [
                "Llinell Gymorth Genedlaethol Stelcian: 0808 802 0300 (am ddim)",
                "Cymorth i Ddioddefwyr: 08 08 16 89 111 (am ddim, 24 awr)",
                "Gall y swyddog sy'n gyfrifol am eich achos hefyd eich atgyfeirio at eiriolwr stelcian lleol.",
            ]);
    }
}
