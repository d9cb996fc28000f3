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
    public const string ClientRole = "ApiClient";
    public const string ScopeClaim = "sp:scope";
    public const string DecisionsClaim = "sp:decisions";

    /// <summary>The team a client is limited to; absent for a force-wide client.</summary>
    public const string TeamClaim = "sp:team";

    private const string ExpiredItem = "sp:key-expired";

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

        var (client, expired) = await clients.FindByKeyAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (client is null)
        {
            // ASVS V13.2.1: only the holder of the real key learns that it has expired.
            Context.Items[ExpiredItem] = expired;
            return AuthenticateResult.Fail(expired ? "The API key has expired." : "The API key is not valid or has been revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, $"api:{client.Id}"),
                new Claim(StaffClaims.DisplayName, client.Name),
                new Claim(ClaimTypes.Role, ClientRole),
                new Claim(ScopeClaim, client.Scope.ToString()),
                new Claim(DecisionsClaim, client.MayRecordDecisions ? "true" : "false"),
            ],
            SchemeName);
        if (client.Team is { } team)
        {
            identity.AddClaim(new Claim(TeamClaim, team));
        }

        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        if (Context.Items[ExpiredItem] is true)
        {
            Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\", error_description=\"The key has expired\"";
            await Results.Problem(title: "The API key has expired",
                detail: "Keys expire by themselves. Ask an administrator of the service to rotate the client's key, then send the new key.",
                statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
            return;
        }

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
