using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace StalkingProtection.Web.Infrastructure.Errors;

/// <summary>
/// A page's own hidden fields (the version of the record it shows, the key of its journey, the record a button acts on,
/// which pages take as handler arguments) that no longer read as what the page wrote were changed outside the page: the
/// answer is the 400 page, not an error summary pointing at a field nobody can see, nor a "not found".
/// </summary>
public sealed class TamperedFormStateFilter : IPageFilter
{
    private static readonly string[] _stateFields = ["Journey", "Step"];

    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            return;
        }

        var arguments = context.HandlerMethod?.Parameters.Select(p => p.Name ?? "").ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        if (context.ModelState.Any(field => field.Value?.ValidationState == ModelValidationState.Invalid
            && (_stateFields.Contains(field.Key) || field.Key.EndsWith("Version", StringComparison.Ordinal) || arguments.Contains(field.Key))))
        {
            context.Result = new BadRequestResult();
        }
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
