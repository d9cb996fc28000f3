using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Rules;

namespace StalkingProtection.Core.Cases;

[Flags]
public enum OffencesConsidered
{
    None = 0,
    HarassmentPha2 = 1,
    StalkingPha2A = 2,
    FearOfViolencePha4 = 4,
    StalkingFearOfViolencePha4A = 8,
}

public enum CaseStatus
{
    Open,
    UnderInvestigation,
    Closed,
}

public enum CaseOutcome
{
    NoFurtherAction,
    Charged,
    Convicted,
    Acquitted,
}

/// <summary>A report of stalking and the investigation around it.</summary>
public class StalkingCase : IVersioned
{
    public const int CrimeReferenceMaxLength = 50;
    public const int CrimeReferencesMaxLength = 500;
    public const int OfficerMaxLength = 200;
    public const int TeamMaxLength = 100;

    private readonly List<CaseCrimeReference> _crimeReferenceKeys = [];

    public required Guid Id { get; init; }

    /// <summary>Crime references, comma separated.</summary>
    public string CrimeReferences { get; private set; } = "";

    /// <summary>P1: each crime reference in <see cref="Search.ReferenceKeys.Of"/> form, a row apiece, which the search finds by equality on an index.</summary>
    public IReadOnlyList<CaseCrimeReference> CrimeReferenceKeys => _crimeReferenceKeys;

    public OffencesConsidered Offences { get; private set; }

    public DateOnly ReportedOn { get; private set; }

    public DateTimeOffset OpenedAt { get; private init; }

    public CaseStatus Status { get; private set; }

    public CaseOutcome? Outcome { get; private set; }

    public string OfficerInCharge { get; private set; } = "";

    /// <summary>
    /// The officer in charge's staff account, which decides who is "the case officer" for need-to-know (DPA 2018 s.62);
    /// none on records whose officer was given only as a name.
    /// </summary>
    public Guid? OfficerInChargeId { get; private set; }

    public string Team { get; private set; } = "";

    public Guid? RespondentId { get; private set; }

    /// <summary>College of Policing FOUR check: Fixated, Obsessive, Unwanted, Repeated.</summary>
    public FourAssessment? Four { get; private set; }

    /// <summary>
    /// The day of the latest SPO decision recorded on the case (R39), kept here so that the cases still waiting for one
    /// are found from an index on the cases alone rather than by looking for decisions case by case (P3).
    /// </summary>
    public DateOnly? LatestSpoDecisionOn { get; private set; }

    /// <summary>
    /// P1: the keys the cases list sorts by, stored so that a page is read in an index's order and stops after its rows.
    /// <see cref="StatusSortKey"/> follows the case's own status; the others depend on other records (the respondent's
    /// names, the people to protect, decisions, tasks, duties, the officer's account) and are written by
    /// <see cref="CaseListKeys"/> in the same transaction as any change to those records.
    /// </summary>
    public string RespondentSortKey { get; private set; } = "";

    /// <summary>The initials of the first person to protect; empty when there is none.</summary>
    public string ProtectedPeopleSortKey { get; private set; } = "";

    /// <summary>The officer's name when the officer has a staff account, else the name the case was given.</summary>
    public string OfficerSortKey { get; private set; } = "";

    /// <summary>0 open, 1 under investigation, 2 closed.</summary>
    public int StatusSortKey { get; private set; }

    /// <summary>R39: 0 no decision yet, 1 apply, 2 do not apply (the latest decision).</summary>
    public int SpoDecisionSortKey { get; private set; }

    /// <summary>The earliest open task or notification due for the case or its orders; <see cref="DateOnly.MaxValue"/> when none, so it sorts last.</summary>
    public DateOnly NextDeadlineOn { get; private set; } = DateOnly.MaxValue;

    public long Version { get; set; }

    public IEnumerable<string> CrimeReferenceList =>
        CrimeReferences.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static StalkingCase Open(IEnumerable<string> crimeReferences, OffencesConsidered offences, DateOnly reportedOn,
        string officerInCharge, string team, DateTimeOffset now, Guid? officerInChargeId = null)
    {
        var refs = crimeReferences.Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
        if (refs.Any(r => r.Length > CrimeReferenceMaxLength || r.Contains(',', StringComparison.Ordinal)))
        {
            throw RuleViolationException.Input(nameof(crimeReferences), $"Each crime reference is at most {CrimeReferenceMaxLength} characters, with no commas");
        }

        var joined = string.Join(",", refs);
        if (joined.Length > CrimeReferencesMaxLength)
        {
            throw RuleViolationException.Input(nameof(crimeReferences), "Too many crime references");
        }

        var stalkingCase = new StalkingCase
        {
            Id = Guid.CreateVersion7(now),
            CrimeReferences = joined,
            Offences = offences,
            ReportedOn = reportedOn,
            OpenedAt = now.ToUniversalTime(),
            Status = CaseStatus.Open,
            OfficerInCharge = Limit(officerInCharge, OfficerMaxLength),
            OfficerInChargeId = officerInChargeId,
            Team = Limit(team, TeamMaxLength),
            StatusSortKey = SortKeyOf(CaseStatus.Open),
        };
        stalkingCase._crimeReferenceKeys.AddRange(CaseCrimeReference.Of(stalkingCase.Id, refs));
        return stalkingCase;
    }

    public static int SortKeyOf(CaseStatus status) => status switch
    {
        CaseStatus.Open => 0,
        CaseStatus.UnderInvestigation => 1,
        _ => 2,
    };

    public void AssessFour(bool fixated, bool obsessive, bool unwanted, bool repeated, string assessedBy, DateTimeOffset now) =>
        Four = new FourAssessment(fixated, obsessive, unwanted, repeated, Limit(assessedBy, OfficerMaxLength), now.ToUniversalTime());

    public void SetRespondent(Guid respondentId) => RespondentId = respondentId;

    public void NoteSpoDecision(SpoDecision decision)
    {
        if (decision.CaseId != Id)
        {
            throw new ArgumentException("The decision was made on another case.", nameof(decision));
        }

        if (LatestSpoDecisionOn is not { } latest || decision.DecidedOn > latest)
        {
            LatestSpoDecisionOn = decision.DecidedOn;
        }
    }

    public void Assign(string officerInCharge, string team, Guid? officerInChargeId = null)
    {
        OfficerInCharge = Limit(officerInCharge, OfficerMaxLength);
        OfficerInChargeId = officerInChargeId;
        Team = Limit(team, TeamMaxLength);
    }

    public void Close(CaseOutcome outcome)
    {
        new Rules.RuleCheck().Must(Status != CaseStatus.Closed, "Status", "status", "The case is already closed", "").ThrowIfBroken();

        Status = CaseStatus.Closed;
        StatusSortKey = SortKeyOf(Status);
        Outcome = outcome;
    }

    private static string Limit(string value, int max, [CallerArgumentExpression(nameof(value))] string field = "") =>
        value.Length <= max ? value.Trim() : throw RuleViolationException.Input(field, $"Enter at most {max} characters");
}

public sealed record FourAssessment(bool Fixated, bool Obsessive, bool Unwanted, bool Repeated, string AssessedBy, DateTimeOffset AssessedAt)
{
    public bool IndicatesStalking => Fixated && Obsessive && Unwanted && Repeated;
}

public sealed class StalkingCaseConfiguration : IEntityTypeConfiguration<StalkingCase>
{
    public void Configure(EntityTypeBuilder<StalkingCase> builder)
    {
        builder.ToTable("cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.CrimeReferences).HasMaxLength(StalkingCase.CrimeReferencesMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.OfficerInCharge).HasMaxLength(StalkingCase.OfficerMaxLength);
        builder.Property(c => c.Team).HasMaxLength(StalkingCase.TeamMaxLength);
        builder.HasOne<Staff.StaffUser>().WithMany().HasForeignKey(c => c.OfficerInChargeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.OfficerInChargeId);
        builder.Ignore(c => c.CrimeReferenceList);
        builder.HasMany(c => c.CrimeReferenceKeys).WithOne().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsOne(c => c.Four, f =>
        {
            f.Property(x => x.AssessedBy).HasMaxLength(StalkingCase.OfficerMaxLength);
            f.Ignore(x => x.IndicatesStalking);
        });
        builder.HasIndex(c => new { c.Team, c.Status });

        // P1: the search asks, for each person a name finds, whether they are the respondent of a case their team may see.
        // With the respondent alone indexed, SQLite (which keeps no statistics) took the team's index instead and read every
        // case of the team for each name: 18 s for a family name at 1,000,000 orders, 27 ms with both columns in one index.
        builder.HasIndex(c => new { c.RespondentId, c.Team });

        // P1: the cases list offers each officer in charge as a filter, read one index entry per officer (CaseFilterChoices),
        // and an officer's own cases are found by it beside their team's.
        builder.HasIndex(c => c.OfficerInCharge);

        // P1: the cases list and GET /api/v1/cases page by date reported, then id. Read in that order, a page stops after its
        // rows and works out their sort keys alone, instead of sorting every visible case first.
        builder.HasIndex(c => new { c.ReportedOn, c.Id });
        builder.Property(c => c.RespondentSortKey).HasMaxLength(Lists.ListKeys.RespondentSortKeyMaxLength);
        builder.Property(c => c.ProtectedPeopleSortKey).HasMaxLength(2);
        builder.Property(c => c.OfficerSortKey).HasMaxLength(Math.Max(StalkingCase.OfficerMaxLength, Staff.StaffUser.DisplayNameMaxLength));
        builder.HasIndex(c => new { c.RespondentSortKey, c.Id });
        builder.HasIndex(c => new { c.ProtectedPeopleSortKey, c.Id });
        builder.HasIndex(c => new { c.OfficerSortKey, c.Id });
        builder.HasIndex(c => new { c.StatusSortKey, c.Id });
        builder.HasIndex(c => new { c.SpoDecisionSortKey, c.Id });
        builder.HasIndex(c => new { c.NextDeadlineOn, c.Id });
    }
}

/// <summary>One crime reference of a case, in the form the search looks it up in (<see cref="Search.ReferenceKeys.Of"/>).</summary>
public sealed class CaseCrimeReference
{
    public required Guid CaseId { get; init; }

    public required string ReferenceKey { get; init; }

    /// <summary>A row for each different key among <paramref name="crimeReferences"/>.</summary>
    public static IEnumerable<CaseCrimeReference> Of(Guid caseId, IEnumerable<string> crimeReferences) =>
        crimeReferences.Select(Search.ReferenceKeys.Of).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(k => new CaseCrimeReference { CaseId = caseId, ReferenceKey = k });

    /// <summary>
    /// The cases among <paramref name="cases"/> that have <paramref name="crimeReference"/> as one of their crime references,
    /// whatever its capitals and spaces, found by equality on the index of its key (P1), as the workspace search finds them.
    /// </summary>
    public static IQueryable<StalkingCase> CasesWith(IQueryable<StalkingCase> cases, IQueryable<CaseCrimeReference> keys, string crimeReference)
    {
        var key = Search.ReferenceKeys.Of(crimeReference);
        var caseIds = keys.Where(k => k.ReferenceKey == key).Select(k => k.CaseId);
        return cases.Where(c => caseIds.Contains(c.Id));
    }
}

public sealed class CaseCrimeReferenceConfiguration : IEntityTypeConfiguration<CaseCrimeReference>
{
    public void Configure(EntityTypeBuilder<CaseCrimeReference> builder)
    {
        builder.ToTable("case_crime_references");
        builder.HasKey(r => new { r.ReferenceKey, r.CaseId });
        builder.Property(r => r.ReferenceKey).HasMaxLength(StalkingCase.CrimeReferenceMaxLength);
        builder.HasIndex(r => r.CaseId);
    }
}
