using StalkingProtection.Core.Auditing;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Staff;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.People.Duplicates;

/// <summary>People who may have been recorded twice: the same name, ignoring case, spacing and accents, and the same date of birth.</summary>
public class IndexModel(StalkingProtectionDbContext db, PersonMergeService people, AuditLog auditLog) : PeoplePageModel(db)
{
    public IReadOnlyList<DuplicatePair> Pairs { get; private set; } = [];

    public bool CanMerge => User.IsInRole(StaffRoles.Officer) || User.IsInRole(StaffRoles.Coordinator);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var pairs = await people.FindPossibleDuplicatesAsync(ct);
        var visible = await VisibilityAsync(pairs.SelectMany(p => new[] { p.First, p.Second }), ct);
        Pairs = pairs.Where(p => visible(p.First) && visible(p.Second)).ToList();

        // DPA 2018 s.62: the list shows people's names and dates of birth.
        await auditLog.RecordConsultationAsync(User.ToActor(), AuditEvents.People.DuplicatesListed.For(null, $"pairs={Pairs.Count}"), ct);
    }
}
