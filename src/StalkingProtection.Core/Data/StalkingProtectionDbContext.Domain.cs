using Microsoft.EntityFrameworkCore;
using StalkingProtection.Core.Applications;
using StalkingProtection.Core.Breaches;
using StalkingProtection.Core.Cases;
using StalkingProtection.Core.Hearings;
using StalkingProtection.Core.Notifications;
using StalkingProtection.Core.Orders;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Reviews;
using StalkingProtection.Core.Tasks;

namespace StalkingProtection.Core.Data;

// The domain's tables; each entity's mapping is the IEntityTypeConfiguration beside it.
public abstract partial class StalkingProtectionDbContext
{
    public DbSet<Person> People => Set<Person>();

    public DbSet<Import.TrackerImportedRow> TrackerImportedRows => Set<Import.TrackerImportedRow>();

    public DbSet<Respondent> Respondents => Set<Respondent>();

    public DbSet<VictimContactDetails> VictimContactDetails => Set<VictimContactDetails>();

    public DbSet<StalkingCase> Cases => Set<StalkingCase>();

    public DbSet<Victim> Victims => Set<Victim>();

    public DbSet<StalkingAct> StalkingActs => Set<StalkingAct>();

    public DbSet<RiskAssessment> RiskAssessments => Set<RiskAssessment>();

    public DbSet<SpoDecision> SpoDecisions => Set<SpoDecision>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<Hearing> Hearings => Set<Hearing>();

    public DbSet<StalkingProtectionOrder> Orders => Set<StalkingProtectionOrder>();

    public DbSet<ConditionSet> ConditionSets => Set<ConditionSet>();

    public DbSet<Condition> Conditions => Set<Condition>();

    public DbSet<OrderChange> OrderChanges => Set<OrderChange>();

    public DbSet<Appeal> Appeals => Set<Appeal>();

    public DbSet<NotificationObligation> NotificationObligations => Set<NotificationObligation>();

    public DbSet<NotificationEvent> NotificationEvents => Set<NotificationEvent>();

    public DbSet<Breach> Breaches => Set<Breach>();

    public DbSet<ManagementReview> ManagementReviews => Set<ManagementReview>();

    public DbSet<VictimContactEvent> VictimContactEvents => Set<VictimContactEvent>();

    public DbSet<StaffTask> StaffTasks => Set<StaffTask>();

    public DbSet<MultiAgencyReferral> MultiAgencyReferrals => Set<MultiAgencyReferral>();

    public DbSet<RightToKnowDisclosure> RightToKnowDisclosures => Set<RightToKnowDisclosure>();

    public DbSet<RespondentOtherOrder> RespondentOtherOrders => Set<RespondentOtherOrder>();

    public DbSet<NotificationOffence> NotificationOffences => Set<NotificationOffence>();

    public DbSet<ManagementPlan> ManagementPlans => Set<ManagementPlan>();

    /// <summary>
    /// RL4: makes the next save fail with DbUpdateConcurrencyException if someone else saved the record since the caller read
    /// <paramref name="expectedVersion"/>.
    /// </summary>
    public void ExpectVersion<T>(T entity, long? expectedVersion)
        where T : class, IVersioned
    {
        if (expectedVersion is { } expected)
        {
            Entry(entity).Property(e => e.Version).OriginalValue = expected;
            Touch(entity);
        }
    }

    /// <summary>
    /// RL4: marks the record changed even when only its children or owned values changed, so its version goes up and the
    /// concurrency check runs on save.
    /// </summary>
    public void Touch<T>(T entity)
        where T : class, IVersioned =>
        Entry(entity).Property(e => e.Version).IsModified = true;
}
