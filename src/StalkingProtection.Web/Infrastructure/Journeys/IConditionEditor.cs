namespace StalkingProtection.Web.Infrastructure.Journeys;

/// <summary>A page that edits a list of conditions with <c>_ConditionEditor</c> ("add another" pattern).</summary>
public interface IConditionEditor
{
    List<ConditionInput> Conditions { get; }

    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ProtectedPersonItems { get; }
}
