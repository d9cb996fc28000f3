using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Documents;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Infrastructure.Demo;

namespace StalkingProtection.Web.Tests.Infrastructure.Demo;

/// <summary>
/// Words, not codes: every document generated for the demo data prints its enums (the applicant force, the risk tool and level, the
/// kind of evidence, the order's status) as the words staff see on the pages, never as an identifier such as "WestMidlands".
/// </summary>
public partial class DocumentPlainWordsTests
{
    private const string Purpose = "Checking the documents' wording";

    [GeneratedRegex(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b")]
    private static partial Regex PascalCase();

    [Fact]
    public async Task EveryDocument_ForTheDemoData_PrintsDisplayNamesNotEnumIdentifiers()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        var today = new DateOnly(2026, 11, 28);
        await using var database = await TestDatabase.CreateAsync();
        await using (var seed = database.CreateContext())
        {
            await new DemoCases(seed, today, "demo-officer", "PC Demo Officer", "Demo Team").SeedAsync();
        }

        await using var context = database.CreateContext();
        var clock = TestClock.At(today);
        var documents = new DocumentService(context, new AuditLog(context, clock), clock);
        var orders = await context.Orders.AsNoTracking().Select(o => new { o.Id, o.ServedAt }).ToListAsync(ct);
        var applications = await context.Applications.AsNoTracking().ToListAsync(ct);
        var notifications = await context.NotificationEvents.AsNoTracking().Select(n => n.Id).ToListAsync(ct);
        var enumNames = new[] { typeof(Core.Applications.PoliceForce), typeof(RiskTool), typeof(Core.Applications.EvidenceKind), typeof(Core.Orders.OrderStatus) }
            .SelectMany(Enum.GetNames).Where(n => n.Skip(1).Any(char.IsUpper) || n is "Dash" or "Sash").ToList();

        // Act
        var generated = new List<GeneratedDocument>();
        foreach (var order in orders)
        {
            generated.Add((await documents.OrderBriefingAsync(order.Id, Purpose, TestData.Officer, ct))!);
            generated.Add((await documents.VictimCopyAsync(order.Id, DocumentLanguage.English, "https://example.test/report-breach", Purpose, TestData.Officer, ct))!);
            generated.Add((await documents.VictimCopyAsync(order.Id, DocumentLanguage.Welsh, "https://example.test/report-breach", Purpose, TestData.Officer, ct))!);
            if (order.ServedAt is not null)
            {
                generated.Add((await documents.StatementOfServiceAsync(order.Id, Purpose, TestData.Officer, ct))!);
            }
        }

        foreach (var application in applications.Where(a => a.IsForOrder))
        {
            generated.Add((await documents.ApplicationPackAsync(application.Id, Purpose, TestData.Officer, ct))!);
        }

        foreach (var notification in notifications)
        {
            generated.Add((await documents.NotificationAcknowledgementAsync(notification, Purpose, TestData.Officer, ct))!);
        }

        var texts = generated.Select(d => (d.Kind, Text: DocumentText.OfDocx(DocumentRenderer.Render(d, DocumentFileFormat.Docx).Content))).ToList();

        // Assert
        Assert.Contains(texts, t => t.Kind == DocumentKind.ApplicationPack);
        var problems = texts.SelectMany(t => PascalCase().Matches(t.Text).Select(m => m.Value)
                .Concat(enumNames.Where(n => Regex.IsMatch(t.Text, $@"\b{n}\b")))
                .Select(code => $"{t.Kind}: \"{code}\""))
            .Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        var packs = texts.Where(t => t.Kind == DocumentKind.ApplicationPack).Select(t => t.Text).ToList();
        Assert.All(packs, text => Assert.Contains("by the chief officer of police for West Midlands", text, StringComparison.Ordinal));
        Assert.Contains(packs, text => text.Contains("S-DASH risk assessment", StringComparison.Ordinal) && text.Contains(": high risk", StringComparison.Ordinal));
    }
}
