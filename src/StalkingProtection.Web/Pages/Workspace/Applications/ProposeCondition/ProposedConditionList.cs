using Microsoft.AspNetCore.Mvc.Rendering;
using StalkingProtection.Core.Applications;

namespace StalkingProtection.Web.Pages.Workspace.Applications.ProposeCondition;

/// <summary>What <c>_ProposedConditions</c> shows: the conditions, the names of the people they protect, and whether to offer change and remove.</summary>
public sealed record ProposedConditionList(IReadOnlyList<ProposedCondition> Conditions, IReadOnlyList<SelectListItem> People, bool CanChange);
