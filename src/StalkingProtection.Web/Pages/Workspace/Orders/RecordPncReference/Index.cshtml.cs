using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using StalkingProtection.Core.Data;
using StalkingProtection.Core.Orders;

namespace StalkingProtection.Web.Pages.Workspace.Orders.RecordPncReference;

/// <summary>The answer of the PNC reference (R42), kept until it is confirmed.</summary>
public sealed class PncReferenceAnswers : OrderAnswers
{
    public string PncReference { get; set; } = "";
}

/// <summary>R42: the order's Police National Computer reference, through the same service method as the API; closes the PNC task.</summary>
public class IndexModel(StalkingProtectionDbContext db, TimeProvider timeProvider) : OrderQuestionPageModel<PncReferenceAnswers>(db, timeProvider)
{
    public const string Name = "record-pnc-reference";

    [BindProperty]
    [Display(Name = "PNC reference")]
    public string? PncReference { get; set; }

    protected override string JourneyName => Name;

    protected override void Prefill() => PncReference = Order.PncReference;

    protected override void Validate()
    {
        Require(!string.IsNullOrWhiteSpace(PncReference), nameof(PncReference), "Enter the PNC reference");
        MaxLength(PncReference, StalkingProtectionOrder.ReferenceMaxLength, nameof(PncReference),
            $"The PNC reference must be {StalkingProtectionOrder.ReferenceMaxLength} characters or fewer");
    }

    protected override PncReferenceAnswers Answer() => new() { PncReference = PncReference!.Trim() };

    protected override void Fill(PncReferenceAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        PncReference = answers.PncReference;
    }
}
