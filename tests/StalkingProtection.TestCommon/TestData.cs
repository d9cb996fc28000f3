using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Lookup;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Staff;
using StalkingProtection.Core.Tasks;
using StalkingProtection.Core.Time;

namespace StalkingProtection.TestCommon;

/// <summary>
/// Fluent builders with sensible random defaults, so a test states only what matters:
/// <c>await testData.CreateOrderAsync(o => o.Interim().ServedOn(date))</c>. Each step runs through the real services on its
/// own context, with a clock at the day the step happens.
/// </summary>
public sealed partial class TestData(TestDatabase database)
{
    public static Actor Officer { get; } = new("officer-1", "PC Alex Test", StaffRoles.Officer, "Stalking Team");

    public static Actor Coordinator { get; } = new("coordinator-1", "DS Sam Coordinator", StaffRoles.Coordinator, "Stalking Team");

    public static Actor LegalServices { get; } = new("legal-1", "Jo Lawyer", StaffRoles.LegalServices, "Legal Services");

    /// <summary>A fixed test key for the victim contact search hash (32 bytes).</summary>
    /// <summary>The key-encryption key the tests' services wrap their Data Protection keys with.</summary>
    public static string KeyEncryptionKey { get; } = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    public static string SearchHashKey { get; } = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private static readonly string[] _givenNames = ["Alex", "Sam", "Jordan", "Taylor", "Morgan", "Casey", "Riley", "Jamie"];
    private static readonly string[] _familyNames = ["Smith", "Jones", "Williams", "Brown", "Taylor", "Davies", "Evans", "Wilson"];

    public TestDatabase Database => database;

    public StalkingProtectionDbContext CreateContext() => database.CreateContext();

    public static string RandomGivenName() => _givenNames[Random.Shared.Next(_givenNames.Length)];

    public static string RandomFamilyName() => _familyNames[Random.Shared.Next(_familyNames.Length)];

    public static string RandomCrimeReference() => $"CR/{Random.Shared.Next(10000, 99999)}/26";

    /// <summary>A clock at noon London time on <paramref name="day"/>.</summary>
    public static TimeProvider ClockAt(DateOnly day) => TestClock.At(day);

    public async Task<T> WithServicesAsync<T>(DateOnly day, Func<Services, Task<T>> action)
    {
        await using var context = database.CreateContext();
        return await action(new Services(context, ClockAt(day)));
    }

    public async Task WithServicesAsync(DateOnly day, Func<Services, Task> action)
    {
        await using var context = database.CreateContext();
        await action(new Services(context, ClockAt(day)));
    }

    /// <summary>The domain services on one context and one clock.</summary>
    public sealed class Services(StalkingProtectionDbContext context, TimeProvider clock)
    {
        public StalkingProtectionDbContext Context => context;

        public TimeProvider Clock => clock;

        public AuditLog Audit { get; } = new(context, clock);

        public StaffTaskRaiser StaffTasks => new(context, Audit);

        public CaseService Cases => new(context, clock, Audit);

        public ApplicationService Applications => new(context, clock, Audit, StaffTasks);

        public HearingService Hearings => new(context, clock, Audit, Applications, StaffTasks);

        public OrderService Orders => new(context, clock, Audit, StaffTasks, Applications);

        public AppealService Appeals => new(context, clock, Audit, StaffTasks);

        public NotificationService Notifications => new(context, clock, Audit, StaffTasks);

        public BreachService Breaches => new(context, clock, Audit, StaffTasks);

        public ReviewService Reviews => new(context, clock, Audit, StaffTasks);

        public DeadlineCheckService Deadlines => new(context, Audit, StaffTasks);

        public OrderStatusQueries Queries => new(context);

        public OrderLookupService Lookup => new(context, Queries, Audit);

        public VictimContactService VictimContact(IDataProtectionProvider provider) =>
            new(context, clock, Audit, provider, Options.Create(new VictimContactOptions { SearchHashKey = SearchHashKey }));

        public ReportedBreachService ReportedBreaches(IDataProtectionProvider provider) =>
            new(context, provider, Audit, clock, BankHolidayCalendar.EnglandAndWales, StaffTasks, Breaches);

        public Core.Reports.TriageService Triage(IDataProtectionProvider provider) =>
            new(context, clock, Audit, provider, VictimContact(provider), new Core.Statistics.DashboardQueries(context), Cases);

        public PersonMergeService PersonMerge => new(context, clock, Audit);
    }
}
