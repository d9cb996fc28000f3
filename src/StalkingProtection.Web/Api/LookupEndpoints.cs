using StalkingProtection.Core.Lookup;
using StalkingProtection.Core.People;
using StalkingProtection.Core.Time;
using StalkingProtection.Web.Infrastructure.Security;
using StalkingProtection.Web.Pages.Workspace.Lookup;

namespace StalkingProtection.Web.Api;

/// <summary>
/// The frontline lookup: the incident number, or the reason for looking when there is no incident, and a family name with
/// a date of birth, a PNC ID, or a house number and street or full postcode.
/// </summary>
public sealed record LookupRequest(string? IncidentNumber = null, string? Reason = null, string? FamilyName = null, string? GivenNames = null,
    DateOnly? DateOfBirth = null, string? PncId = null, string? Address = null) : IApiRequest
{
    public const int ReasonMaxLength = 500;

    public void Validate(ApiValidator v)
    {
        var byPnc = !string.IsNullOrWhiteSpace(PncId);
        var byName = !string.IsNullOrWhiteSpace(FamilyName) || DateOfBirth is not null;
        var byAddress = !string.IsNullOrWhiteSpace(Address);

        // DPA 2018 s.62: every lookup is a consultation, logged with why it was made.
        v.Must(!string.IsNullOrWhiteSpace(IncidentNumber) || !string.IsNullOrWhiteSpace(Reason), "incidentNumber",
                "Enter the incident number, or the reason for the lookup in \"reason\" when there is no incident.")
            .Optional("incidentNumber", IncidentNumber, IndexModel.IncidentNumberMaxLength)
            .Optional("reason", Reason, ReasonMaxLength)
            .Optional("familyName", FamilyName, PersonName.NameMaxLength)
            .Optional("givenNames", GivenNames, PersonName.NameMaxLength)
            .Optional("pncId", PncId, Person.PncIdMaxLength)
            .Date("dateOfBirth", DateOfBirth)
            .Must(byPnc || byName || byAddress, "familyName", "Enter a family name and date of birth, a PNC ID, or an address (a house number and street, or a full postcode).")
            .Must(byPnc || !byName || !string.IsNullOrWhiteSpace(FamilyName), "familyName", "Enter a family name with the date of birth.")
            .Must(byPnc || !byName || DateOfBirth is not null, "dateOfBirth", "Enter a date of birth with the family name.")
            .Must(byPnc || byName || !byAddress || AddressSearch.Parse(Address) is not null, "address",
                $"Enter a house number and street, or a full postcode, in at most {AddressSearch.MaxLength} characters.");
    }
}

public sealed record LookupResponse(IReadOnlyList<LookupSubject> Subjects);

public static class LookupEndpoints
{
    public static RouteGroupBuilder MapLookup(this RouteGroupBuilder api)
    {
        // A read sent as a POST, like the page's form, so that names and dates of birth stay out of addresses and logs.
        api.MapPost("/lookup", (HttpContext http, OrderLookupService lookup, TimeProvider time) =>
                ApiRoute.HandleAsync<LookupRequest>(http.Request, async r =>
                {
                    var byNameOrPnc = !string.IsNullOrWhiteSpace(r.PncId) || !string.IsNullOrWhiteSpace(r.FamilyName);
                    var subjects = await lookup.SearchAsync(
                        new OrderLookupQuery(r.FamilyName, r.GivenNames, r.DateOfBirth, r.PncId, byNameOrPnc ? null : r.Address, r.IncidentNumber?.Trim() ?? "",
                            r.Reason),
                        time.UkToday, http.User.ToActor(), http.RequestAborted);
                    return Results.Ok(new LookupResponse(subjects));
                }))
            .Accepts<LookupRequest>("application/json")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Read<LookupResponse>("LookupOrders",
                "The frontline check: is this person subject to an order in force today, and what may they not do? Needs the incidentNumber, or a reason "
                + "when there is none; finds by familyName with dateOfBirth, pncId, or address. Shows terms and named areas, never a victim's address; "
                + "audited like the workspace lookup.");

        return api;
    }
}
