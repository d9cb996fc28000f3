using System.Reflection;

namespace StalkingProtection.Web.Api;

/// <summary>
/// A query parameter the endpoint does not read answers 400 naming it, rather than being ignored: a client that sends
/// <c>?at=</c> for <c>?asAt=</c> must not silently get today's answer.
/// </summary>
public sealed class QueryParameterFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.Query.Count > 0)
        {
            var allowed = (http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [])
                .Where(p => p.Name is not null && IsQueryValue(p.ParameterType) && !http.Request.RouteValues.ContainsKey(p.Name))
                .Select(p => p.Name!)
                .ToList();
            var unknown = http.Request.Query.Keys.FirstOrDefault(k => !allowed.Contains(k, StringComparer.Ordinal));
            if (unknown is not null)
            {
                return ApiProblems.Invalid(unknown, allowed.Count == 0
                    ? $"The query parameter \"{unknown}\" is not recognised: this endpoint takes no query parameters."
                    : $"The query parameter \"{unknown}\" is not recognised. This endpoint takes: {string.Join(", ", allowed)}.");
            }
        }

        return await next(context);
    }

    private static bool IsQueryValue(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(string) || t.IsPrimitive || t.IsEnum || t == typeof(DateOnly) || t == typeof(DateTimeOffset) || t == typeof(Guid);
    }
}
