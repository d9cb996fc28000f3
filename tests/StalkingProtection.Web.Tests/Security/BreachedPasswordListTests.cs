using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Tests.Infrastructure;
using StalkingProtection.Web.Tests.PageTests.SignIn;

namespace StalkingProtection.Web.Tests.Security;

/// <summary>A small Pwned Passwords file (HASH:COUNT lines sorted by hash, CRLF), made for the test and deleted after.</summary>
public sealed class BreachedPasswordsFile : IDisposable
{
    public BreachedPasswordsFile(IEnumerable<string> passwords, int otherHashes = 5000, string newline = "\r\n")
    {
        var hashes = passwords.Select(Sha1).Concat(Enumerable.Range(0, otherHashes).Select(_ => Convert.ToHexString(RandomNumberGenerator.GetBytes(20))))
            .Distinct().Order(StringComparer.Ordinal).Select((h, i) => $"{h}:{i + 1}");
        File.WriteAllText(Path, string.Join(newline, hashes) + newline, Encoding.ASCII);
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pwned-{Guid.NewGuid():N}.txt");

    // The list's own format is SHA-1.
#pragma warning disable CA5350
    public static string Sha1(string password) => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350

    public void Dispose() => File.Delete(Path);
}

public class BreachedPasswordListTests
{
    private static readonly string[] _breached = ["velvet walrus kitchen", "summer garden 2024!", "correcthorsebatterystaple"];

    [Fact]
    public void V6_2_12_Contains_EveryPasswordInTheFile_IsFoundAndOthersAreNot()
    {
        // Arrange
        using var file = new BreachedPasswordsFile(_breached);
        var list = List(file.Path);

        // Act
        var found = _breached.Select(list.Contains).ToList();
        var others = Enumerable.Range(0, 200).Select(i => list.Contains($"never breached {i} {Guid.NewGuid()}")).ToList();

        // Assert
        Assert.All(found, Assert.True);
        Assert.All(others, Assert.False);
    }

    [Theory]
    [InlineData("\r\n", 0)]
    [InlineData("\n", 0)]
    [InlineData("\r\n", 1)]
    [InlineData("\n", 7)]
    public void Contains_EveryLineOfTheFile_IsFoundWhateverItsPlace(string newline, int otherHashes)
    {
        // Arrange: the first line, the last line and every line between must be reachable by the binary search.
        var passwords = Enumerable.Range(0, 60).Select(i => $"password number {i}").ToList();
        using var file = new BreachedPasswordsFile(passwords, otherHashes, newline);
        var list = List(file.Path);

        // Act
        var missed = passwords.Where(p => !list.Contains(p)).ToList();

        // Assert
        Assert.Empty(missed);
        Assert.False(list.Contains("not in the file at all"));
    }

    [Fact]
    public void Validate_BreachedPasswordsFileMissing_IsRejectedWithOneLineSayingWhatToFix()
    {
        // Arrange
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.txt");
        var options = new Web.Infrastructure.Security.SignInOptions { BreachedPasswordsFile = missing };

        // Act
        var failures = Web.Infrastructure.Security.SignInOptions.Validate(options).ToList();

        // Assert
        var failure = Assert.Single(failures);
        Assert.StartsWith("StalkingProtection:SignIn:BreachedPasswordsFile: there is no file at ", failure, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure);
    }

    private static BreachedPasswordList List(string path) =>
        new(Options.Create(new Web.Infrastructure.Security.SignInOptions { BreachedPasswordsFile = path }));
}

public sealed class BreachedPasswordsFactory : WebAppFactory
{
    public const string BreachedPassword = "velvet walrus kitchen";

    private readonly BreachedPasswordsFile _file = new([BreachedPassword]);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["StalkingProtection:SignIn:BreachedPasswordsFile"] = _file.Path,
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _file.Dispose();
        GC.SuppressFinalize(this);
    }
}

public class BreachedPasswordPageTests(BreachedPasswordsFactory factory) : IClassFixture<BreachedPasswordsFactory>
{
    [Fact]
    public async Task V6_2_12_ChangePassword_ToABreachedPassword_IsRefusedWithAGovUkErrorAndAnotherIsAccepted()
    {
        // Arrange
        var user = await factory.CreateUserAsync(StaffRoles.Officer, password: StaffSignIn.Password);
        var browser = factory.CreateBrowser(user);

        // Act
        var breached = await (await browser.SubmitFormAsync("/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = StaffSignIn.Password,
            ["NewPassword"] = BreachedPasswordsFactory.BreachedPassword,
        })).GetDocumentAsync();
        var other = await (await browser.SubmitFormAsync("/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = StaffSignIn.Password,
            ["NewPassword"] = "copper lantern orchard",
        })).GetDocumentAsync();

        // Assert
        Assert.Equal(["Password has appeared in a data breach, so criminals may try it. Choose a different password"], breached.ErrorSummaryMessages());
        Assert.NotNull(breached.QuerySelector("#NewPassword-error"));
        Assert.Equal("Your password has been changed", other.HeadingText());
    }
}
