using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Integration;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Tests.Infrastructure;

namespace StalkingProtection.Web.Tests.Security;

/// <summary>
/// ASVS V14.2.4: the controls docs/security/data-classification.md gives each protection level, checked table by table
/// on the tables as the database holds them. Known values are written through the services (a victim's contact details,
/// a public report's, a staff password, authenticator keys, recovery codes, a set-up link, an API key), then every
/// table the model maps is read raw, as a copy of the database would be.
/// </summary>
public sealed partial class ProtectionLevelTests(WebAppFactory factory) : IClassFixture<WebAppFactory>
{
    private const string VictimPhone = "07700 900314";
    private const string VictimEmail = "level.canary@example.org";
    private const string VictimAddress = "LEVEL-CANARY 7 Quiet Row";
    private const string ReporterPhone = "07700 900271";
    private const string Password = "level canary horse battery staple";
    private static readonly DateOnly _today = new(2026, 11, 28);

    [Fact]
    public async Task V14_2_4_EveryTable_HoldsNoContactDetailOrSecretInClear_AndLevelFourHoldsNoPersonalData()
    {
        // Arrange
        var written = await WriteEveryLevelAsync();
        var levels = TablesByLevel();

        // Act
        var tables = await ReadEveryTableAsync();

        // Assert
        Assert.Equal(tables.Keys.Order(StringComparer.Ordinal), levels.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, values) in tables)
        {
            foreach (var secret in written.ContactDetails.Concat(written.Secrets))
            {
                Assert.False(values.Any(v => v.Contains(secret, StringComparison.OrdinalIgnoreCase)), $"{table} ({string.Join(", ", levels[table])}) holds \"{secret}\" in clear");
            }

            if (levels[table].SequenceEqual(["L4"]))
            {
                foreach (var name in written.PersonalData)
                {
                    Assert.False(values.Any(v => v.Contains(name, StringComparison.OrdinalIgnoreCase)), $"{table} (L4) holds the personal data \"{name}\"");
                }
            }
        }

        // The checks above ran on rows that hold each kind of value, not on empty tables.
        Assert.All(new[] { "victim_contact_details", "public_reports", "reported_breaches", "AspNetUsers", "AspNetUserTokens", "api_clients", "person_names" },
            table => Assert.NotEmpty(tables[table]));
    }

    [Fact]
    public async Task V14_2_4_LevelOne_ContactDetailsComeBackOnlyThroughTheService_ForAReason_AndEveryReadAndChangeIsAudited()
    {
        // Arrange
        var written = await WriteEveryLevelAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var contacts = scope.ServiceProvider.GetRequiredService<VictimContactService>();

        // Act
        var refused = await Record.ExceptionAsync(() => contacts.ReadAsync(written.VictimId, TestData.Officer, ""));
        var read = await contacts.ReadAsync(written.VictimId, TestData.Officer, "Arranging a safe call about the hearing");

        // Assert
        Assert.NotNull(refused);
        Assert.Equal(VictimAddress, read!.Address);
        var audit = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.RecordType == nameof(VictimContactDetails) && a.RecordId == written.VictimId.ToString())
            .Select(a => new { a.Kind, a.Action, a.Justification, a.NewValues })
            .ToListAsync());
        Assert.Contains(audit, a => a.Kind == AuditKind.Collection && a.Action == "VictimContact.Changed");
        var consultation = Assert.Single(audit, a => a.Kind == AuditKind.Consultation);
        Assert.Equal("Arranging a safe call about the hearing", consultation.Justification);
        Assert.All(audit, a => Assert.DoesNotContain(VictimPhone, a.NewValues ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task V14_2_4_LevelThree_EveryAccountAndApiClientChangeIsAudited_WithoutTheSecret()
    {
        // Arrange
        var written = await WriteEveryLevelAsync();

        // Act
        var audit = await factory.WithDbAsync(db => db.AuditEntries
            .Where(a => a.RecordId == written.StaffId.ToString() || a.RecordId == written.InvitedId.ToString() || a.RecordId == written.ApiClientId.ToString())
            .Select(a => new { a.Kind, a.RecordId, a.OldValues, a.NewValues })
            .ToListAsync());

        // Assert
        Assert.Contains(audit, a => a.RecordId == written.StaffId.ToString() && a.Kind == AuditKind.Administration);
        Assert.Contains(audit, a => a.RecordId == written.InvitedId.ToString() && a.Kind == AuditKind.Administration);
        Assert.Contains(audit, a => a.RecordId == written.ApiClientId.ToString() && a.Kind == AuditKind.Administration);
        Assert.All(audit, a => Assert.All(written.Secrets, s => Assert.DoesNotContain(s, (a.OldValues ?? "") + (a.NewValues ?? ""), StringComparison.OrdinalIgnoreCase)));
    }

    private sealed record Written(
        Guid VictimId, Guid StaffId, Guid InvitedId, Guid ApiClientId,
        IReadOnlyList<string> ContactDetails, IReadOnlyList<string> Secrets, IReadOnlyList<string> PersonalData);

    private async Task<Written> WriteEveryLevelAsync()
    {
        var protection = factory.Services.GetRequiredService<IDataProtectionProvider>();
        var testData = new TestData(factory.Database);

        // L1 and L2: a case with a victim's contact details, a public report and a breach reported online.
        var order = await testData.CreateOrderAsync(o => o.MadeOn(new DateOnly(2026, 3, 16)).ServedOn(new DateOnly(2026, 3, 16)));
        var victimReference = await factory.WithDbAsync(db => db.Orders.Where(o => o.Id == order.OrderId).Select(o => o.VictimReference!).SingleAsync());
        await testData.WithServicesAsync(_today, s => s.VictimContact(protection).SetAsync(
            new SetVictimContactOptions(order.Case.VictimId, new VictimContact(VictimPhone, VictimEmail, VictimAddress, "Evenings", false)), TestData.Officer));
        await testData.CreatePublicReportAsync(protection, a => a.PhoneNumber = ReporterPhone);
        await testData.CreateReportedBreachAsync(protection, victimReference, new DateOnly(2026, 11, 27), a => a.ContactName = "Level Canary Reporter");

        // L3: a password, an authenticator key and one waiting to be enrolled, recovery codes, a set-up link and an API key.
        var staff = await factory.CreateUserAsync(StaffRoles.Officer, password: Password);
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccountService>();
        var user = (await users.FindByIdAsync(staff.Id.ToString()))!;
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        var authenticatorKey = (await users.GetAuthenticatorKeyAsync(user))!;
        var pendingKey = AuthenticatorCode.NewKey();
        Assert.True((await users.SetAuthenticationTokenAsync(user, StaffAccountService.PendingKeyProvider, StaffAccountService.PendingKeyName, pendingKey)).Succeeded);
        var recoveryCodes = await accounts.NewRecoveryCodesAsync(user);
        var (invited, link) = await accounts.InviteAsync(new InviteStaffOptions($"invited-{Guid.NewGuid():N}@test.police.uk", "Invited Officer", [StaffRoles.Officer], "Team A"), Actor.System);
        Assert.True(invited.Succeeded);
        var (client, apiKey) = await scope.ServiceProvider.GetRequiredService<ApiClientService>()
            .CreateAsync(new CreateApiClientOptions($"Records system {Guid.NewGuid():N}", ApiScope.Read, false), Actor.System);

        var names = await factory.WithDbAsync(db => db.Set<PersonName>().Select(n => n.FamilyName).Distinct().ToListAsync());
        return new Written(
            order.Case.VictimId, staff.Id, link!.UserId, client.Id,
            [VictimPhone, VictimPhone.Replace(" ", "", StringComparison.Ordinal), VictimEmail, VictimAddress, ReporterPhone, ReporterPhone.Replace(" ", "", StringComparison.Ordinal), "Level Canary Reporter"],
            [Password, authenticatorKey, pendingKey, .. recoveryCodes, link.Token, apiKey],
            names);
    }

    /// <summary>Each table the document lists, with the levels it is listed under (a table split by field has two).</summary>
    private static Dictionary<string, List<string>> TablesByLevel()
    {
        var document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "security", "data-classification.md"));
        var levels = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (Match row in TableRow().Matches(document))
        {
            foreach (Match table in TableName().Matches(row.Groups["tables"].Value))
            {
                var list = levels.TryGetValue(table.Groups[1].Value, out var existing) ? existing : levels[table.Groups[1].Value] = [];
                list.Add(row.Groups["level"].Value);
            }
        }

        return levels;
    }

    /// <summary>Every value of every row of every table the model maps, as text; binary values as text and as hex.</summary>
    private async Task<Dictionary<string, List<string>>> ReadEveryTableAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.StalkingProtectionDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            var list = values[table] = [];
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    list.AddRange(Text(reader, i));
                }
            }
        }

        return values;
    }

    private static IEnumerable<string> Text(DbDataReader reader, int column)
    {
        if (reader.IsDBNull(column))
        {
            return [];
        }

        var value = reader.GetValue(column);
        return value is byte[] bytes
            ? [Encoding.UTF8.GetString(bytes), Convert.ToHexString(bytes)]
            : [Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""];
    }

    [GeneratedRegex(@"^\| (?<level>L[1-4]) [A-Za-z]+ \| (?<tables>.+) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"`([A-Za-z_]+)`")]
    private static partial Regex TableName();
}
