using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Time;
using StalkingProtection.EndToEndTests.PublicSite;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Workspace.Journey;

/// <summary>
/// The real app on Kestrel with Debian's Chromium, on a clock that starts at 8am London time today and moves only when the
/// journey says so: the order's day runs from morning to evening, and every date the pages show is known to the test.
/// </summary>
public sealed class JourneyServer : PublicSiteServer
{
    public const string Team = "Leeds Stalking Unit";
    private const string Password = "copper kettle orchard";

    public FakeTimeProvider Clock { get; } = TestClock.At(LondonTime.DateOf(TimeProvider.System.GetUtcNow()), new TimeOnly(8, 0));

    public DateOnly Today => Clock.UkToday;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("StalkingProtection:Jobs:RunDeadlineChecks", "false");
        builder.UseSetting("StalkingProtection:Jobs:SealAudit", "false");
        builder.UseSetting("StalkingProtection:Jobs:CountStatistics", "false");
        // A journey moves its clock on by hours between two clicks; a person would have been working through them.
        builder.UseSetting("StalkingProtection:SignIn:IdleTimeout", "1.00:00:00");
        builder.UseSetting("StalkingProtection:SignIn:SessionLifetime", "1.00:00:00");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Moves the clock on to a time later today (London).</summary>
    public void At(int hour, int minute = 0)
    {
        var target = LondonTime.ToUtc(Today, new TimeOnly(hour, minute));
        var now = Clock.GetUtcNow();
        if (target < now)
        {
            throw new InvalidOperationException($"The journey's clock runs forwards only: it is already {LondonTime.LocalDateTimeOf(now):HH:mm}.");
        }

        Clock.Advance(target - now);
    }

    /// <summary>A member of staff with their own browser: a local account, signed in with its password and two-factor set up.</summary>
    public async Task<Screen> SignInAsync(AccessibilityAudit audit, string role, string name)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.police.uk";
        await using (var scope = Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<StaffAccountService>()
                .CreateAsync(new CreateStaffAccountOptions(email, name, role, Team, Password), Actor.System);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        audit.Watch(page, name);
        var screen = new Screen(page, audit);
        await screen.OpenAsync("/sign-in", "Sign in to the staff workspace");
        await screen.FillAsync("Email", email);
        await screen.FillAsync("Password", Password);
        await screen.PressAsync("Sign in", "Set up two-factor authentication");
        var key = await page.TextContentAsync("[data-authenticator-key]");

        await screen.FillAsync("Code", Totp.Compute(key!, Clock.GetUtcNow()));
        await screen.PressAsync("Turn on two-factor authentication", "Two-factor authentication is on");
        await screen.PressAsync("Continue to the workspace", role == StaffRoles.Officer ? "Staff workspace" : "Dashboard");
        return screen;
    }
}
