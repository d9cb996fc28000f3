using Microsoft.AspNetCore.Mvc.ModelBinding;
using StalkingProtection.Core.Applications;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>SPA 2019 s.4, s.5(7), R20: who applied for a variation, renewal or discharge.</summary>
public static class ApplicantInput
{
    public static void Validate(ApplicantParty? party, PoliceForce? force, ModelStateDictionary modelState)
    {
        if (party is null)
        {
            modelState.AddModelError("ApplicantParty", "Select who applied to the court");
        }
        else if (party == ApplicantParty.ChiefOfficer && force is null)
        {
            modelState.AddModelError("ApplicantForce", "Select the chief officer's police force");
        }
    }
}
