using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using StalkingProtection.Core.Integration;
using StalkingProtection.Web.Infrastructure.Security;

namespace StalkingProtection.Web.Api;

/// <summary>Authenticates an API client by its bearer key (stored hashed, rotatable, revocable, scoped read or read-write).</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiClientService clients)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ScopeClaim = "sp:scope";
    public const string DecisionsClaim = "sp:decisions";

    public static IResult MayNotRecordDecisions() =>
        Results.Problem(title: "This API key cannot record coordinator decisions",
            detail: "An administrator can create a client that may record coordinator decisions, such as an application's authorisation.",
            statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["errors"] = new[] { new ApiProblems.FieldError("authorisedBy", "This key may not record coordinator decisions.", "Authorisation") } });

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var client = await clients.FindByKeyAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (client is null)
        {
            return AuthenticateResult.Fail("The API key is not valid or has been revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, $"api:{client.Id}"),
                new Claim(StaffClaims.DisplayName, client.Name),
                new Claim(ClaimTypes.Role, "ApiClient"),
                new Claim(ScopeClaim, client.Scope.ToString()),
                new Claim(DecisionsClaim, client.MayRecordDecisions ? "true" : "false"),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(title: "An API key is required", detail: "Send the key as `Authorization: Bearer <key>`.",
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(title: "This API key cannot do that", detail: "The key's scope is read-only.",
            statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
    }
}

public static class ApiPolicies
{
    public const string Read = "api-read";
    public const string ReadWrite = "api-read-write";
}
