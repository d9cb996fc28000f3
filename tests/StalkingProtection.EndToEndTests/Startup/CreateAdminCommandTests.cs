using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Staff;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Startup;

/// <summary>The first administrator of a fresh database, created by the real program's <c>create-admin</c> command.</summary>
public sealed class CreateAdminCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    private Dictionary<string, string> OnTheDatabase => new()
    {
        ["StalkingProtection__Database__Provider"] = _database.Provider.ToString(),
        ["StalkingProtection__Database__ConnectionString"] = _database.ConnectionString,
    };

    public async ValueTask InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task CreateAdmin_OnAFreshDatabase_PrintsAOneTimeSetUpLink_AndStoresOnlyItsHashAndNoPassword()
    {
        // Act
        var (exitCode, output) = await ProgramProcess.RunAsync(OnTheDatabase, ["create-admin", "first.admin@force.police.uk"]);

        // Assert
        Assert.True(exitCode == 0, output);
        var lines = output.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("Administrator account created for first.admin@force.police.uk.", lines);
        var path = Assert.Single(lines, l => l.StartsWith("/set-up-account/", StringComparison.Ordinal));
        var token = path["/set-up-account/".Length..];
        Assert.True(token.Length >= 40, path);
        await using var db = _database.CreateContext();
        var user = await db.Users.SingleAsync(u => u.Email == "first.admin@force.police.uk", TestContext.Current.CancellationToken);
        Assert.Null(user.PasswordHash);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))), user.SetUpTokenHash);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([StaffRoles.Administrator], roles);
        var audit = await db.AuditEntries.SingleAsync(e => e.RecordId == user.Id.ToString(), TestContext.Current.CancellationToken);
        Assert.Equal("StaffAccount.Invited", audit.Action);
        Assert.DoesNotContain(token, audit.NewValues!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_TwiceOrWithoutAnEmail_RefusesInOneLine()
    {
        // Arrange
        Assert.Equal(0, (await ProgramProcess.RunAsync(OnTheDatabase, ["create-admin", "admin@force.police.uk"])).ExitCode);

        // Act
        var again = await ProgramProcess.RunAsync(OnTheDatabase, ["create-admin", "admin@force.police.uk"]);
        var none = await ProgramProcess.RunAsync(OnTheDatabase, ["create-admin"]);

        // Assert
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("There is already an account for admin@force.police.uk.", again.Output.Split('\n').Select(l => l.Trim()));
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("Give the administrator's email address: create-admin name@force.police.uk", none.Output.Split('\n').Select(l => l.Trim()));
        await using var db = _database.CreateContext();
        Assert.Equal(1, await db.Users.CountAsync(TestContext.Current.CancellationToken));
    }
}
