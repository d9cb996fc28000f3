using Microsoft.AspNetCore.Authorization;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

public static class ApiEndpoints
{
    public static WebApplication MapStalkingProtectionApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(ApiPolicies.Read)
            .AddEndpointFilter<QueryParameterFilter>()
            .AddEndpointFilter<ApiTeamFilter>()
            .WithTags("Stalking Protection");

        api.MapGet("/client", (HttpContext http) => Results.Ok(new ApiClientSummary(
                http.User.FindFirst(StaffClaims.DisplayName)?.Value ?? "",
                http.User.FindFirst(ApiKeyAuthenticationHandler.ScopeClaim)?.Value ?? "")))
            .WithName("GetClient")
            .WithSummary("The API client the key belongs to, and its scope.");

        api.MapCases().MapApplications().MapProposedConditions().MapOrders().MapNotifications().MapBreaches().MapAppeals().MapReviews().MapCaseRecords()
            .MapManagementPlans().MapLists().MapChanges().MapLookup().MapStatistics().MapDocuments();

        return app;
    }

    public static void AddPolicies(AuthorizationOptions options)
    {
        options.AddPolicy(ApiPolicies.Read, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser().RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, "Read", "ReadWrite"));
        options.AddPolicy(ApiPolicies.ReadWrite, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireAuthenticatedUser().RequireClaim(ApiKeyAuthenticationHandler.ScopeClaim, "ReadWrite"));
    }

    public sealed record ApiClientSummary(string Name, string Scope);
}
