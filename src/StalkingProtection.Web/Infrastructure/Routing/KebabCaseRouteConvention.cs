using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace StalkingProtection.Web.Infrastructure.Routing;

/// <summary>
/// Page folders are VerbNoun (Pages/Workspace/Orders/RecordService); addresses are lower-case kebab-case
/// (/workspace/orders/record-service). Pages under Pages/Public are served from the site root.
/// </summary>
public sealed partial class KebabCaseRouteConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors)
        {
            var template = selector.AttributeRouteModel?.Template;
            if (template is null)
            {
                continue;
            }

            if (template.StartsWith("Public/", StringComparison.OrdinalIgnoreCase))
            {
                template = template["Public/".Length..];
            }
            else if (template.Equals("Public", StringComparison.OrdinalIgnoreCase))
            {
                template = string.Empty;
            }

            selector.AttributeRouteModel!.Template = string.Join('/', template.Split('/').Select(Kebab));
        }
    }

    private static string Kebab(string segment)
    {
        if (segment.Contains('{', StringComparison.Ordinal))
        {
            return segment;
        }

        return WordBoundary().Replace(segment, "$1-$2").ToLowerInvariant();
    }

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex WordBoundary();
}
