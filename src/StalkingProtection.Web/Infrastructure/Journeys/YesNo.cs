using System.ComponentModel.DataAnnotations;

namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>The answer to a yes-or-no question on a workspace form; a nullable property stays unanswered until one is chosen.</summary>
public enum YesNo
{
    [Display(Name = "Yes")]
    Yes,

    [Display(Name = "No")]
    No,
}
