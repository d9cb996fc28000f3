using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using StalkingProtection.Core.Lookup;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Rules;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Pages.Workspace.Lookup;

/// <summary>Searches are posted, not put in the address, so names and dates of birth stay out of URLs and logs.</summary>
[Authorize(Policy = Policies.OrderLookup)]
public class IndexModel(OrderLookupService lookup, TimeProvider timeProvider) : PageModel
{
    public const int IncidentNumberMaxLength = 50;

    [BindProperty]
    public string? IncidentNumber { get; set; }

    [BindProperty]
    public string? FamilyName { get; set; }

    [BindProperty]
    public string? GivenNames { get; set; }

    [BindProperty]
    public DateOnly? DateOfBirth { get; set; }

    [BindProperty]
    public string? PncId { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    public IReadOnlyList<LookupSubject>? Subjects { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(IncidentNumber))
        {
            ModelState.AddModelError(nameof(IncidentNumber), "Enter the incident number");
        }
        else if (IncidentNumber.Length > IncidentNumberMaxLength)
        {
            ModelState.AddModelError(nameof(IncidentNumber), $"Incident number must be {IncidentNumberMaxLength} characters or fewer");
        }

        var byName = !string.IsNullOrWhiteSpace(FamilyName) || DateOfBirth is not null;
        var byPnc = !string.IsNullOrWhiteSpace(PncId);
        var byAddress = !string.IsNullOrWhiteSpace(Address);
        if (!byName && !byPnc && !byAddress && ModelState.IsValid)
        {
            ModelState.AddModelError(nameof(FamilyName), "Enter a last name and date of birth, a PNC ID, or a house number and street or full postcode");
        }
        else if (byName && !byPnc)
        {
            if (string.IsNullOrWhiteSpace(FamilyName))
            {
                ModelState.AddModelError(nameof(FamilyName), "Enter a last name");
            }

            // Blank date fields bind to no date without an error, so a missing date is an error here unless the date was not real.
            if (DateOfBirth is null && ModelState[nameof(DateOfBirth)]?.Errors.Count is null or 0)
            {
                ModelState.AddModelError(nameof(DateOfBirth), "Enter a date of birth");
            }
        }

        if (FamilyName?.Length > PersonName.NameMaxLength || GivenNames?.Length > PersonName.NameMaxLength)
        {
            ModelState.AddModelError(nameof(FamilyName), $"Names must be {PersonName.NameMaxLength} characters or fewer");
        }

        if (byAddress && !byName && !byPnc && AddressSearch.Parse(Address) is null)
        {
            ModelState.AddModelError(nameof(Address), Address!.Trim().Length > AddressSearch.MaxLength
                ? $"Address must be {AddressSearch.MaxLength} characters or fewer"
                : "Enter a house number and street, or a full postcode");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            Subjects = await lookup.SearchAsync(
                new OrderLookupQuery(FamilyName, GivenNames, DateOfBirth, PncId, byName || byPnc ? null : Address, IncidentNumber!.Trim()),
                timeProvider.UkToday, User.ToActor(), ct);
        }
        catch (RuleViolationException ex)
        {
            foreach (var violation in ex.Violations)
            {
                ModelState.AddModelError(nameof(FamilyName), violation.Message);
            }
        }

        return Page();
    }
}
