using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace StalkingProtection.Web.Pages.Shared;

public enum GovUkSandboxContact
{
    [Display(Name = "Email")]
    Email,

    [Display(Name = "Phone call")]
    Phone,
}

/// <summary>Model for <c>_GovUkSandbox.cshtml</c>, a partial that uses every GOV.UK tag helper so Razor compiles and tests render them together.</summary>
public sealed class GovUkSandboxModel
{
    [Display(Name = "Full name")]
    public string? FullName { get; set; }

    [Display(Name = "Details of the incident")]
    public string? Details { get; set; }

    [Display(Name = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [Display(Name = "How should we contact you?")]
    public GovUkSandboxContact? Contact { get; set; }

    [Display(Name = "Ways to contact you")]
    public List<GovUkSandboxContact> ContactMethods { get; set; } = [];

    [Display(Name = "Police force")]
    public string? Force { get; set; }

    public IReadOnlyList<SelectListItem> Forces { get; } =
    [
        new("Metropolitan Police", "met"),
        new("Kent Police", "kent"),
    ];
}
