using System.ComponentModel.DataAnnotations;

namespace StalkingProtection.Web.Tests.GovUk;

public enum ContactMethod
{
    [Display(Name = "Email")]
    Email,

    [Display(Name = "Phone call", Description = "We will call during office hours")]
    Phone,

    [Display(Name = "Letter")]
    Letter,
}

public sealed class TestForm
{
    [Display(Name = "Full name")]
    public string? FullName { get; set; }

    public string? Details { get; set; }

    [Display(Name = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    public DateOnly DateServed { get; set; }

    [Display(Name = "How should we contact you?")]
    public ContactMethod? Contact { get; set; }

    public List<ContactMethod> ContactMethods { get; set; } = [];

    public string? Force { get; set; }

    public TestAddress Address { get; set; } = new();
}

public sealed class TestAddress
{
    public string? Postcode { get; set; }

    public DateOnly? MovedIn { get; set; }
}
