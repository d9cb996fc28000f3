using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.TestCommon;

namespace StalkingProtection.Core.Tests.People;

public class VictimContactServiceTests
{
    private const string Canary = "CANARY-7f3a9c-Flat 2, Secret Road";
    private const string CanaryPhone = "07700 900123";
    private static readonly DateOnly _today = new(2026, 3, 1);

    private static VictimContact Contact => new(CanaryPhone, "canary.victim@example.org", Canary, "Weekdays 10:00-12:00", false);

    [Fact]
    public async Task SetAsync_StoresOnlyCiphertext_PlaintextAbsentFromRawRowsAndFile()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var protection = new EphemeralDataProtectionProvider();

        // Act
        await testData.WithServicesAsync(_today, s => s.VictimContact(protection).SetAsync(new SetVictimContactOptions(created.VictimId, Contact), TestData.Officer));

        // Assert
        var raw = await ReadAllRowsAsync(db, "victim_contact_details") + await ReadAllRowsAsync(db, "audit_entries");
        Assert.DoesNotContain(Canary, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("900123", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("canary.victim", raw, StringComparison.Ordinal);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(db.ConnectionString).DataSource;
            var bytes = Encoding.UTF8.GetString(File.ReadAllBytes(file)) + (File.Exists(file + "-wal") ? Encoding.UTF8.GetString(File.ReadAllBytes(file + "-wal")) : "");
            Assert.DoesNotContain(Canary, bytes, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReadAsync_ReturnsPlaintextAndRecordsConsultationWithJustification()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var protection = new EphemeralDataProtectionProvider();
        await testData.WithServicesAsync(_today, s => s.VictimContact(protection).SetAsync(new SetVictimContactOptions(created.VictimId, Contact), TestData.Officer));

        // Act
        var read = await testData.WithServicesAsync(_today, s => s.VictimContact(protection).ReadAsync(created.VictimId, TestData.Officer, "Updating her on the hearing outcome"));

        // Assert
        Assert.Equal(Contact, read);
        await using var ctx = db.CreateContext();
        var entry = await ctx.AuditEntries.SingleAsync(a => a.Action == "VictimContact.Read");
        Assert.Equal(AuditKind.Consultation, entry.Kind);
        Assert.Equal("Updating her on the hearing outcome", entry.Justification);
        Assert.Equal(created.VictimId.ToString(), entry.RecordId);
    }

    [Fact]
    public async Task ReadAsync_WithoutJustification_IsRefusedAndNotAudited()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();

        // Act
        var ex = await Record.ExceptionAsync(() => testData.WithServicesAsync(_today, s =>
            s.VictimContact(new EphemeralDataProtectionProvider()).ReadAsync(created.VictimId, TestData.Officer, " ")));

        // Assert
        Assert.IsType<RuleViolationException>(ex);
        await using var ctx = db.CreateContext();
        Assert.False(await ctx.AuditEntries.AnyAsync(a => a.Action == "VictimContact.Read"));
    }

    [Fact]
    public async Task SetAsync_Change_AuditsChangedFieldNamesOnly_AndPhoneIsFoundByKeyedHash()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        var protection = new EphemeralDataProtectionProvider();
        await testData.WithServicesAsync(_today, s => s.VictimContact(protection).SetAsync(new SetVictimContactOptions(created.VictimId, Contact), TestData.Officer));

        // Act
        await testData.WithServicesAsync(_today, s => s.VictimContact(protection).SetAsync(
            new SetVictimContactOptions(created.VictimId, Contact with { Address = "CANARY-NEW-ADDRESS" }), TestData.Officer));
        var found = await testData.WithServicesAsync(_today, s => s.VictimContact(protection).FindByPhoneAsync("+44 7700 900123", TestData.Officer, "Caller ID check"));

        // Assert
        Assert.Equal([created.VictimId], found);
        await using var ctx = db.CreateContext();
        var change = (await ctx.AuditEntries.Where(a => a.Action == "VictimContact.Changed").ToListAsync()).Last();
        Assert.Equal(AuditKind.Alteration, change.Kind);
        Assert.Contains("address", change.NewValues!, StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", change.NewValues!, StringComparison.Ordinal);
        Assert.DoesNotContain("phone", change.NewValues!, StringComparison.Ordinal);
    }

    private static async Task<string> ReadAllRowsAsync(TestDatabase db, string table)
    {
        await using var ctx = db.CreateContext();
        var connection = ctx.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        var text = new StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                text.Append(value is byte[] b ? Encoding.UTF8.GetString(b) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }
        }

        return text.ToString();
    }
}
