using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Documents;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.Documents;

public class DocumentServiceTests
{
    private const string Purpose = "Briefing the night shift before a visit to the respondent's address";
    private const string ExclusionWording = "Must not enter the exclusion zone around the protected person's workplace.";
    private const string Area = "Leeds city centre inside the A64(M) inner ring road";

    private static ConditionDraft ExclusionZone(IReadOnlyList<Guid> protectedPersonIds) =>
        new(ConditionType.Prohibition, ConditionCategory.ExclusionZone, ExclusionWording, ConditionScope.Locality, Area, protectedPersonIds,
            "He waited outside her workplace on four occasions.", true, false, null, MapReference: "the map annexed as exhibit AB/1");

    private static ConditionDraft Programme(IReadOnlyList<Guid> protectedPersonIds) =>
        new(ConditionType.Requirement, ConditionCategory.ProgrammeAttendance, "Must attend the stalking perpetrator programme when told to by the police.",
            ConditionScope.AllUk, null, protectedPersonIds, "He has no insight into his fixation.", true, false, null);

    private static async Task<(TestDatabase Db, CreatedOrder Order, DateOnly Today)> OrderAsync()
    {
        var db = await TestDatabase.CreateAsync();
        var order = await new TestData(db).CreateOrderAsync(o => o.WithCondition(TestData.NoContact).WithCondition(ExclusionZone).WithCondition(Programme));
        return (db, order, order.MadeOn.AddDays(10));
    }

    private static async Task<GeneratedDocument> GenerateAsync(TestDatabase db, DateOnly today,
        Func<DocumentService, Task<GeneratedDocument?>> generate)
    {
        await using var context = db.CreateContext();
        var clock = TestClock.At(today);
        return (await generate(new DocumentService(context, new AuditLog(context, clock), clock)))!;
    }

    [Fact]
    public async Task OrderBriefing_OpenedAsPdfAndDocx_StatesTheRespondentTheTermsAndNamedAreasInForceToday_MarkedOfficialSensitive()
    {
        var (db, order, today) = await OrderAsync();
        await using var _ = db;
        await using var ctx = db.CreateContext();
        var person = await ctx.People.Include(p => p.Names).SingleAsync(p => ctx.Respondents.Any(r => r.Id == order.Case.RespondentId && r.PersonId == p.Id));
        var stalkingCase = await ctx.Cases.SingleAsync(c => c.Id == order.Case.CaseId);

        var document = await GenerateAsync(db, today, s => s.OrderBriefingAsync(order.OrderId, Purpose, TestData.Officer));
        var pdf = DocumentRenderer.Render(document, DocumentFileFormat.Pdf);
        var docx = DocumentRenderer.Render(document, DocumentFileFormat.Docx);

        Assert.EndsWith(".pdf", pdf.FileName, StringComparison.Ordinal);
        Assert.Equal(DocumentRenderer.DocxContentType, docx.ContentType);
        foreach (var text in new[] { DocumentText.OfPdf(pdf.Content), DocumentText.OfDocx(docx.Content) })
        {
            Assert.Contains(person.PrimaryName.FullName, text, StringComparison.Ordinal);
            Assert.Contains("Leeds Magistrates' Court", text, StringComparison.Ordinal);
            Assert.Contains($"1. Prohibition: {TestData.NoContact([]).Wording}", text, StringComparison.Ordinal);
            Assert.Contains($"2. Prohibition: {ExclusionWording} Applies in: {Area}", text, StringComparison.Ordinal);
            Assert.Contains("3. Requirement: Must attend the stalking perpetrator programme", text, StringComparison.Ordinal);
            Assert.Contains($"Officer in charge {stalkingCase.OfficerInCharge}", text, StringComparison.Ordinal);
            Assert.Contains("SPA 2019 s.8", text, StringComparison.Ordinal);
        }

        Assert.StartsWith(GeneratedDocument.Marking, DocumentText.OfPdf(pdf.Content), StringComparison.Ordinal);
        Assert.Equal(GeneratedDocument.Marking, DocumentText.DocxHeader(docx.Content));
        Assert.Equal(1, DocumentText.PdfPageCount(pdf.Content));
    }

    [Fact]
    public async Task OrderBriefing_OnceTheOrderHasExpired_ListsNoTermsAsInForce()
    {
        var (db, order, _) = await OrderAsync();
        await using var _ = db;
        await using var ctx = db.CreateContext();
        var lastDay = (await ctx.Orders.SingleAsync(o => o.Id == order.OrderId)).LastInForceDay!.Value;

        var document = await GenerateAsync(db, lastDay.AddDays(1), s => s.OrderBriefingAsync(order.OrderId, Purpose, TestData.Officer));
        var text = DocumentText.OfPdf(DocumentRenderer.Render(document, DocumentFileFormat.Pdf).Content);

        Assert.Contains("The order is not in force", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ExclusionWording, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryGeneration_IsAuditedAsADisclosureWithItsPurpose_DPA2018s62()
    {
        var (db, order, today) = await OrderAsync();
        await using var _ = db;

        await GenerateAsync(db, today, s => s.OrderBriefingAsync(order.OrderId, Purpose, TestData.Officer));
        await GenerateAsync(db, today, s => s.VictimCopyAsync(order.OrderId, DocumentLanguage.Welsh, "https://example.test/report-breach", "Posting to the victim",
            TestData.Officer));

        await using var ctx = db.CreateContext();
        var entries = await ctx.AuditEntries.Where(e => e.Action == "Document.Generated").OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e =>
        {
            Assert.Equal(AuditKind.Disclosure, e.Kind);
            Assert.Equal(order.OrderId.ToString(), e.RecordId);
            Assert.Equal(TestData.Officer.Name, e.ActorName);
        });
        Assert.Equal(Purpose, entries[0].Justification);
        Assert.Contains("OrderBriefing", entries[0].NewValues, StringComparison.Ordinal);
        Assert.Equal("Posting to the victim", entries[1].Justification);
        Assert.Contains("Welsh", entries[1].NewValues, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task WithoutAPurpose_NoDocumentIsGeneratedAndNothingIsAudited(string purpose)
    {
        var (db, order, today) = await OrderAsync();
        await using var _ = db;

        var ex = await Assert.ThrowsAsync<RuleViolationException>(() => GenerateAsync(db, today, s => s.OrderBriefingAsync(order.OrderId, purpose, TestData.Officer)));

        Assert.Equal("purpose", Assert.Single(ex.Violations).Field);
        await using var ctx = db.CreateContext();
        Assert.False(await ctx.AuditEntries.AnyAsync(e => e.Action == "Document.Generated"));
    }

    [Fact]
    public async Task VictimCopy_InPlainEnglish_SaysWhatTheyMustNotAndMustDo_UntilWhen_AndHowToReportABreachWithTheVictimReference()
    {
        var (db, order, today) = await OrderAsync();
        await using var _ = db;
        await using var ctx = db.CreateContext();
        var stored = await ctx.Orders.SingleAsync(o => o.Id == order.OrderId);

        var document = await GenerateAsync(db, today, s => s.VictimCopyAsync(order.OrderId, DocumentLanguage.English, "https://example.test/report-breach", Purpose,
            TestData.Officer));

        foreach (var text in new[] { DocumentText.OfPdf(DocumentRenderer.Render(document, DocumentFileFormat.Pdf).Content),
                     DocumentText.OfDocx(DocumentRenderer.Render(document, DocumentFileFormat.Docx).Content) })
        {
            var mustNot = text.IndexOf("What they must not do", StringComparison.Ordinal);
            var must = text.IndexOf("What they must do", StringComparison.Ordinal);
            Assert.InRange(text.IndexOf(ExclusionWording, StringComparison.Ordinal), mustNot, must);
            Assert.True(text.IndexOf("Must attend the stalking perpetrator programme", StringComparison.Ordinal) > must);
            Assert.Contains($"until the end of {stored.LastInForceDay:d MMMM yyyy}", text, StringComparison.Ordinal);
            Assert.Contains("https://example.test/report-breach", text, StringComparison.Ordinal);
            Assert.Contains($"Your reference {stored.VictimReference}", text, StringComparison.Ordinal);
            Assert.Contains("National Stalking Helpline", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task VictimCopy_InWelsh_UsesTheWelshTemplateAndWelshDates_WithTheSameRecordsAndReference()
    {
        var (db, order, today) = await OrderAsync();
        await using var _ = db;
        await using var ctx = db.CreateContext();
        var stored = await ctx.Orders.SingleAsync(o => o.Id == order.OrderId);

        var document = await GenerateAsync(db, today, s => s.VictimCopyAsync(order.OrderId, DocumentLanguage.Welsh, "https://example.test/report-breach", Purpose,
            TestData.Officer));
        var text = DocumentText.OfPdf(DocumentRenderer.Render(document, DocumentFileFormat.Pdf).Content);

        Assert.Equal(DocumentLanguage.Welsh, document.Language);
        Assert.Contains("Beth na chaiff ei wneud", text, StringComparison.Ordinal);
        Assert.Contains(ExclusionWording, text, StringComparison.Ordinal);
        Assert.Contains($"tan ddiwedd {stored.LastInForceDay!.Value.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("cy-GB"))}", text,
            StringComparison.Ordinal);
        Assert.Contains($"Eich cyfeirnod {stored.VictimReference}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("What they must not do", text, StringComparison.Ordinal);
        Assert.EndsWith(".docx", DocumentRenderer.Render(document, DocumentFileFormat.Docx).FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatementOfService_StatesWhenHowAndByWhomTheOrderWasServed_AndTheNotificationDuty_SPA2019s9()
    {
        await using var db = await TestDatabase.CreateAsync();
        var served = new DateOnly(2026, 3, 2);
        var order = await new TestData(db).CreateOrderAsync(o => o.MadeOn(served).ServedOn(served));

        var document = await GenerateAsync(db, served.AddDays(1), s => s.StatementOfServiceAsync(order.OrderId, "Court file", TestData.Officer));
        var text = DocumentText.OfDocx(DocumentRenderer.Render(document, DocumentFileFormat.Docx).Content);

        Assert.Contains($"Served at {served:d MMMM yyyy} at 10:00", text, StringComparison.Ordinal);
        Assert.Contains("Served by PC Server", text, StringComparison.Ordinal);
        Assert.Contains("within 3 days of service", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatementOfService_BeforeTheOrderIsServed_IsRefusedAndNothingIsAudited()
    {
        var (db, order, today) = await OrderAsync();
        await using var _ = db;

        await Assert.ThrowsAsync<RuleViolationException>(() => GenerateAsync(db, today, s => s.StatementOfServiceAsync(order.OrderId, "Court file", TestData.Officer)));

        await using var ctx = db.CreateContext();
        Assert.False(await ctx.AuditEntries.AnyAsync(e => e.Action == "Document.Generated"));
    }

    [Fact]
    public async Task NotificationAcknowledgement_CarriesItsReferenceAndWhatWasNotified_SPA2019s10_4()
    {
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var served = new DateOnly(2026, 3, 2);
        var order = await testData.CreateOrderAsync(o => o.MadeOn(served).ServedOn(served));
        var at = LondonTime.ToUtc(served.AddDays(1), new TimeOnly(11, 30));
        var recorded = await testData.WithServicesAsync(served.AddDays(1), s => s.Notifications.RecordNotificationAsync(new RecordNotificationOptions(
            order.Case.RespondentId, new NotificationEvent.Details(at, "Elland Road Police Station", Core.Applications.PoliceForce.WestYorkshire,
                NotificationMode.InPersonOral, "PC Desk", false, null, "John Smith", "1 High Street", "ACK-DOC-1", at.AddMinutes(10), "SoS-1")), TestData.Officer));

        var document = await GenerateAsync(db, served.AddDays(1), s => s.NotificationAcknowledgementAsync(recorded.NotificationId, "Given to the respondent", TestData.Officer));
        var text = DocumentText.OfPdf(DocumentRenderer.Render(document, DocumentFileFormat.Pdf).Content);

        Assert.Contains("Reference ACK-DOC-1", text, StringComparison.Ordinal);
        Assert.Contains($"Notified at {served.AddDays(1):d MMMM yyyy} at 11:30", text, StringComparison.Ordinal);
        Assert.Contains("Police station Elland Road Police Station", text, StringComparison.Ordinal);
        Assert.Contains("Home address notified 1 High Street", text, StringComparison.Ordinal);
        await using var ctx = db.CreateContext();
        var entry = await ctx.AuditEntries.SingleAsync(e => e.Action == "Document.Generated");
        Assert.Equal((AuditKind.Disclosure, recorded.NotificationId.ToString(), "Given to the respondent"), (entry.Kind, entry.RecordId, entry.Justification));
    }

    [Fact]
    public async Task ApplicationPack_ForAVariationOfAnOrder_IsNotMade_AndNothingIsAudited_SPA2019s4()
    {
        var (db, order, today) = await OrderAsync();
        await using var _ = db;
        await using var ctx = db.CreateContext();
        var stored = await ctx.Orders.SingleAsync(o => o.Id == order.OrderId);
        var variation = Application.CreateForChange(stored.CaseId, stored.RespondentId, ApplicationType.Variation, stored.Id, ApplicantParty.ChiefOfficer,
            PoliceForce.WestYorkshire, [PoliceForce.WestYorkshire], "Leeds Magistrates' Court", TestData.NoonOn(today));
        ctx.Applications.Add(variation);
        await ctx.SaveChangesAsync();

        var clock = TestClock.At(today);
        var document = await new DocumentService(ctx, new AuditLog(ctx, clock), clock).ApplicationPackAsync(variation.Id, "Lodging with the court", TestData.Officer);

        Assert.Null(document);
        Assert.False(await ctx.AuditEntries.AnyAsync(e => e.Action == "Document.Generated"));
    }

    [Fact]
    public async Task ApplicationPack_StatesEachOfTheThreeLimbsWithTheActsAndEvidenceReliedOn_SPA2019s1_R3()
    {
        await using var db = await TestDatabase.CreateAsync();
        var application = await new TestData(db).CreateApplicationAsync();
        await using var ctx = db.CreateContext();
        var act = await ctx.StalkingActs.SingleAsync(a => a.Id == application.Case.ActId);

        var document = await GenerateAsync(db, new DateOnly(2026, 6, 1), s => s.ApplicationPackAsync(application.ApplicationId, "Lodging with the court",
            TestData.Officer));
        var text = DocumentText.OfPdf(DocumentRenderer.Render(document, DocumentFileFormat.Pdf).Content);

        var a = text.IndexOf("(a) The defendant has carried out acts associated with stalking", StringComparison.Ordinal);
        var b = text.IndexOf("(b) The defendant poses a risk", StringComparison.Ordinal);
        var c = text.IndexOf("(c) The order is necessary to protect", StringComparison.Ordinal);
        Assert.True(a >= 0 && a < b && b < c, text);
        Assert.InRange(text.IndexOf(DocumentText.Words(act.Description), StringComparison.Ordinal), a, b);
        Assert.Contains("Escalating behaviour; no other order protects her", text, StringComparison.Ordinal);
        Assert.Contains("Draft order", text, StringComparison.Ordinal);
        Assert.Contains("Evidence summary", text, StringComparison.Ordinal);
        var entry = await ctx.AuditEntries.SingleAsync(e => e.Action == "Document.Generated");
        Assert.Equal((AuditKind.Disclosure, application.ApplicationId.ToString(), "Lodging with the court"), (entry.Kind, entry.RecordId, entry.Justification));
    }

    [Fact]
    public async Task ApplicationPack_DraftOrderTerms_AreAWordNumberedList_SoWordRenumbersWhenTheOfficerInsertsATerm_SPA2019s2()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var application = await testData.CreateApplicationAsync(a => a.Draft());
        var people = application.Case.ProtectedPersonIds;
        var today = application.Case.ReportedOn.AddDays(8);
        await testData.WithServicesAsync(today, async s =>
        {
            await s.Applications.ProposeConditionAsync(new ProposeConditionOptions(application.ApplicationId, new ProposedConditionDetails(ExclusionZone(people))),
                TestData.Officer);
            await s.Applications.ProposeConditionAsync(new ProposeConditionOptions(application.ApplicationId, new ProposedConditionDetails(Programme(people))),
                TestData.Officer);
        });

        // Act
        var document = await GenerateAsync(db, today, s => s.ApplicationPackAsync(application.ApplicationId, "Lodging with the court", TestData.Officer));
        using var stream = new MemoryStream(DocumentRenderer.Render(document, DocumentFileFormat.Docx).Content);
        using var word = WordprocessingDocument.Open(stream, false);

        // Assert
        var numbering = word.MainDocumentPart!.NumberingDefinitionsPart?.Numbering;
        Assert.NotNull(numbering);
        var terms = word.MainDocumentPart.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.InnerText.StartsWith("Prohibition:", StringComparison.Ordinal) || p.InnerText.StartsWith("Requirement:", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, terms.Count);
        var instances = terms.Select(p => p.ParagraphProperties?.NumberingProperties?.NumberingId?.Val?.Value).Distinct().ToList();
        var instance = numbering.Elements<NumberingInstance>().Single(n => n.NumberID?.Value == Assert.Single(instances));
        var definition = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId?.Value == instance.AbstractNumId!.Val!.Value);
        var level = definition.Elements<Level>().Single();
        Assert.Equal(NumberFormatValues.Decimal, level.NumberingFormat!.Val!.Value);
        Assert.Equal("%1.", level.LevelText!.Val!.Value);
        Assert.Contains($"1. Prohibition: {ExclusionWording}", DocumentText.OfDocx(stream.ToArray()), StringComparison.Ordinal);
        Assert.Contains("2. Requirement: Must attend the stalking perpetrator programme", DocumentText.OfPdf(DocumentRenderer.Render(document, DocumentFileFormat.Pdf).Content),
            StringComparison.Ordinal);
    }
}
