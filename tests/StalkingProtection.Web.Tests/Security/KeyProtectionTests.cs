using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reports;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Infrastructure.Startup;

namespace StalkingProtection.Web.Tests.Security;

/// <summary>
/// The Data Protection key ring lives in the database, wrapped by a key-encryption key that does not: a copy of the
/// database (or a backup) gives nobody a victim's contact details, and rotate-keys leaves the retired key unneeded.
/// </summary>
public sealed class KeyProtectionTests
{
    private const string VictimCanary = "CANARY-4d1e-Flat 9, Hidden Lane";
    private const string ReportPhone = "07700 900777";
    private static readonly DateOnly _today = new(2026, 11, 28);
    private static readonly string _keyA = TestData.KeyEncryptionKey;
    private static readonly string _keyB = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public async Task CopyOfTheDatabaseAndItsBackup_WithEveryKeyTheyHold_DecryptNoVictimContactOrPublicReport()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        await using var app = BuildApp(db, new() { ["StalkingProtection:KeyProtection:KeyEncryptionKey"] = _keyA });
        var protection = app.Services.GetRequiredService<IDataProtectionProvider>();
        await WriteProtectedDataAsync(db, protection);

        // Act
        var copies = await CopiesAsync(db);

        // Assert
        foreach (var copy in copies)
        {
            Assert.NotEmpty(copy.KeyXml);
            Assert.All(copy.KeyXml, xml => Assert.DoesNotContain("masterKey", xml, StringComparison.Ordinal));
            Assert.NotEmpty(copy.VictimContacts);
            Assert.NotEmpty(copy.ReportContacts);
            foreach (var attacker in new[] { AttackerWith(copy.KeyXml, null), AttackerWith(copy.KeyXml, RandomNumberGenerator.GetBytes(32)) })
            {
                Assert.All(copy.VictimContacts, c => Assert.ThrowsAny<CryptographicException>(() => attacker.CreateProtector(VictimContactService.ProtectorPurpose).Unprotect(c)));
                Assert.All(copy.ReportContacts, c => Assert.ThrowsAny<CryptographicException>(() => attacker.CreateProtector(PublicReportService.ContactPurpose).Unprotect(c)));
            }

            // The same ciphertext opens with the key-encryption key, so the refusals above are the wrapping at work.
            Assert.Contains(VictimCanary, protection.CreateProtector(VictimContactService.ProtectorPurpose).Unprotect(copy.VictimContacts[0]), StringComparison.Ordinal);
            Assert.Contains(ReportPhone, protection.CreateProtector(PublicReportService.ContactPurpose).Unprotect(copy.ReportContacts[0]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RotateKeys_ReencryptsOldData_AndTheRetiredKeyEncryptionKeyIsNoLongerNeeded()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        Guid userId;
        string authenticatorKey;
        await using (var before = BuildApp(db, new() { ["StalkingProtection:KeyProtection:KeyEncryptionKey"] = _keyA }))
        {
            await WriteProtectedDataAsync(db, before.Services.GetRequiredService<IDataProtectionProvider>());
            (userId, authenticatorKey) = await WithAuthenticatorKeyAsync(before);
        }

        var (victimId, oldCiphertext) = await ReadAsync(db, ctx => ctx.VictimContactDetails.Select(d => new { d.VictimId, d.Ciphertext }).SingleAsync(), r => (r.VictimId, r.Ciphertext));

        // Act
        int exitCode;
        await using (var rotating = BuildApp(db, new()
        {
            ["StalkingProtection:KeyProtection:KeyEncryptionKey"] = _keyB,
            ["StalkingProtection:KeyProtection:RetiredKeyEncryptionKeys:0"] = _keyA,
        }))
        {
            exitCode = (await MaintenanceCommands.RunAsync(rotating, ["rotate-keys"]))!.Value;
        }

        // Assert
        Assert.Equal(0, exitCode);
        await using var after = BuildApp(db, new() { ["StalkingProtection:KeyProtection:KeyEncryptionKey"] = _keyB });
        var protection = after.Services.GetRequiredService<IDataProtectionProvider>();
        var contact = await new TestData(db).WithServicesAsync(_today, s => s.VictimContact(protection).ReadAsync(victimId, TestData.Officer, "Checking the contact details after key rotation"));
        Assert.Equal(VictimCanary, contact!.Address);
        var report = await ReadAsync(db, ctx => ctx.PublicReports.Select(r => r.ProtectedContact).SingleAsync(), r => r!);
        Assert.Contains(ReportPhone, protection.CreateProtector(PublicReportService.ContactPurpose).Unprotect(report), StringComparison.Ordinal);
        var newCiphertext = await ReadAsync(db, ctx => ctx.VictimContactDetails.Select(d => d.Ciphertext).SingleAsync(), c => c);
        Assert.NotEqual(oldCiphertext, newCiphertext);
        Assert.Equal(authenticatorKey, await ReadAuthenticatorKeyAsync(after, userId));

        // Only the retired key: nothing in the ring opens any more.
        await using var retiredOnly = BuildApp(db, new() { ["StalkingProtection:KeyProtection:KeyEncryptionKey"] = _keyA });
        Assert.ThrowsAny<CryptographicException>(() => retiredOnly.Services.GetRequiredService<IDataProtectionProvider>()
            .CreateProtector(VictimContactService.ProtectorPurpose).Unprotect(newCiphertext));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => ReadAuthenticatorKeyAsync(retiredOnly, userId));
        var audit = await ReadAsync(db, ctx => ctx.AuditEntries.CountAsync(a => a.Action == "Keys.Rotated"), n => n);
        Assert.Equal(1, audit);
    }

    [Fact]
    public async Task AuthenticatorKeyStoredInClearByAnEarlierVersion_StillWorks_AndRotateKeysEncryptsIt()
    {
        // Arrange: a key as versions before the encrypting store kept it.
        await using var db = await TestDatabase.CreateAsync();
        const string clearKey = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        var settings = new Dictionary<string, string?> { ["StalkingProtection:KeyProtection:KeyEncryptionKey"] = _keyA };
        Guid userId;
        await using (var before = BuildApp(db, settings))
        {
            (userId, _) = await WithAuthenticatorKeyAsync(before);
        }

        await using (var ctx = db.CreateContext())
        {
            await ctx.UserTokens.Where(t => t.UserId == userId && t.Name == StaffUserStore.AuthenticatorKeyName)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Value, clearKey));
        }

        // Act
        await using var app = BuildApp(db, settings);
        var readBefore = await ReadAuthenticatorKeyAsync(app, userId);
        var exitCode = (await MaintenanceCommands.RunAsync(app, ["rotate-keys"]))!.Value;

        // Assert
        Assert.Equal((clearKey, 0), (readBefore, exitCode));
        var stored = await ReadAsync(db, ctx => ctx.UserTokens.Where(t => t.UserId == userId && t.Name == StaffUserStore.AuthenticatorKeyName).Select(t => t.Value).SingleAsync(), v => v!);
        Assert.NotEqual(clearKey, stored);
        Assert.Equal(clearKey, await ReadAuthenticatorKeyAsync(app, userId));
    }

    [Fact]
    public async Task OutsideDevelopment_WithoutAKeyEncryptionKey_TheSettingsAreRefused()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        await using var app = BuildApp(db, []);

        // Act
        var refused = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<KeyProtectionOptions>>().Value);

        // Assert
        Assert.Contains("KeyEncryptionKey (or KeyEncryptionKeyFile) must be set outside Development", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InDevelopment_WithoutAKeyEncryptionKey_ADevelopmentKeyIsMadeInTheDataFolder()
    {
        // Arrange
        await using var db = await TestDatabase.CreateAsync();
        var folder = Path.Combine(Path.GetTempPath(), $"sp-dev-key-{Guid.NewGuid():N}");
        await using var app = BuildApp(db, new() { ["StalkingProtection:Database:DataDirectory"] = folder }, "Development");

        // Act
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var roundTrip = protector.Unprotect(protector.Protect("works out of the box"));

        // Assert
        Assert.Equal("works out of the box", roundTrip);
        Assert.True(File.Exists(Path.Combine(folder, KeyEncryptionKeys.DevelopmentKeyFileName)));
        var xml = await ReadAsync(db, ctx => ctx.DataProtectionKeys.Select(k => k.Xml).ToListAsync(), x => x);
        Assert.All(xml, x => Assert.DoesNotContain("masterKey", x!, StringComparison.Ordinal));
    }

    private static WebApplication BuildApp(TestDatabase db, Dictionary<string, string?> settings, string environment = "Testing")
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StalkingProtection:Database:Provider"] = db.Provider.ToString(),
            ["StalkingProtection:Database:ConnectionString"] = db.ConnectionString,
            ["StalkingProtection:VictimContact:SearchHashKey"] = TestData.SearchHashKey,
            ["StalkingProtection:Jobs:RunDeadlineChecks"] = "false",
            ["StalkingProtection:Jobs:SealAudit"] = "false",
            ["StalkingProtection:Jobs:CountStatistics"] = "false",
        }.Concat(settings));
        builder.Logging.ClearProviders();
        builder.AddStalkingProtectionCore().AddStalkingProtectionWeb();
        return builder.Build();
    }

    private static async Task WriteProtectedDataAsync(TestDatabase db, IDataProtectionProvider protection)
    {
        var testData = new TestData(db);
        var created = await testData.CreateCaseAsync();
        await testData.WithServicesAsync(_today, s => s.VictimContact(protection).SetAsync(
            new SetVictimContactOptions(created.VictimId, new VictimContact("07700 900123", "canary.victim@example.org", VictimCanary, "Mornings", false)), TestData.Officer));
        await testData.CreatePublicReportAsync(protection, a => a.PhoneNumber = ReportPhone);
    }

    /// <summary>A member of staff with an authenticator key, which the store keeps encrypted under the Data Protection key ring.</summary>
    private static async Task<(Guid UserId, string Key)> WithAuthenticatorKeyAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var email = $"rotation-{Guid.NewGuid():N}@test.police.uk";
        var created = await scope.ServiceProvider.GetRequiredService<StaffAccountService>()
            .CreateAsync(new CreateStaffAccountOptions(email, "Rotation Officer", StaffRoles.Officer, "Team A", null), Actor.System);
        Assert.True(created.Succeeded);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        return (user.Id, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    private static async Task<string?> ReadAuthenticatorKeyAsync(WebApplication app, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(userId.ToString()))!);
    }

    private sealed record DatabaseCopy(List<string> KeyXml, List<string> VictimContacts, List<string> ReportContacts);

    /// <summary>SQLite: the database file copied as it lies on disk, and the output of the backup command. PostgreSQL: every row a dump holds.</summary>
    private static async Task<List<DatabaseCopy>> CopiesAsync(TestDatabase db)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            return [await ReadCopyAsync(db.Provider, db.ConnectionString)];
        }

        var source = new SqliteConnectionStringBuilder(db.ConnectionString).DataSource;
        var folder = Path.Combine(Path.GetTempPath(), $"sp-copy-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var backup = Path.Combine(folder, "backup.db");
        DatabaseBackup.BackupSqlite(db.ConnectionString, backup);
        SqliteConnection.ClearAllPools();
        var copied = Path.Combine(folder, "copied.db");
        File.Copy(source, copied);
        if (File.Exists(source + "-wal"))
        {
            File.Copy(source + "-wal", copied + "-wal");
        }

        return [await ReadCopyAsync(db.Provider, $"Data Source={copied}"), await ReadCopyAsync(db.Provider, $"Data Source={backup}")];
    }

    private static async Task<DatabaseCopy> ReadCopyAsync(DatabaseProvider provider, string connectionString)
    {
        await using var ctx = DatabaseSetup.CreateContext(provider, connectionString);
        var copy = new DatabaseCopy(
            (await ctx.DataProtectionKeys.Select(k => k.Xml).ToListAsync()).OfType<string>().ToList(),
            await ctx.VictimContactDetails.Select(d => d.Ciphertext).ToListAsync(),
            (await ctx.PublicReports.Select(r => r.ProtectedContact).ToListAsync()).OfType<string>().ToList());
        SqliteConnection.ClearAllPools();
        return copy;
    }

    /// <summary>Data Protection with the copied key ring and the project's own code, but not the key-encryption key (none, or a guessed one).</summary>
    private static IDataProtectionProvider AttackerWith(List<string> keyXml, byte[]? guessedKey)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().SetApplicationName("StalkingProtection");
        services.Configure<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new CopiedKeyRing(keyXml);
            o.AutoGenerateKeys = false;
        });
        if (guessedKey is not null)
        {
            services.AddSingleton(new KeyEncryptionKeys(guessedKey, []));
        }

        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
    }

    private sealed class CopiedKeyRing(List<string> keyXml) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => keyXml.Select(x => XElement.Parse(x)).ToList();

        public void StoreElement(XElement element, string friendlyName) => throw new InvalidOperationException("The copy is read only.");
    }

    private static async Task<TResult> ReadAsync<TRow, TResult>(TestDatabase db, Func<StalkingProtectionDbContext, Task<TRow>> query, Func<TRow, TResult> select)
    {
        await using var ctx = db.CreateContext();
        return select(await query(ctx));
    }
}
