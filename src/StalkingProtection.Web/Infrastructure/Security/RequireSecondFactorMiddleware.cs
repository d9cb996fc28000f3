namespace StalkingProtection.Web.Infrastructure.Security;

/// <summary>
/// Outside Development every local account must use two-factor authentication: a password-only session is sent to
/// set up an authenticator app before it can reach the workspace.
/// </summary>
public sealed class RequireSecondFactorMiddleware(RequestDelegate next, IHostEnvironment environment)
{
    public const string SetUpPath = "/account/two-factor";

    public Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        if (!environment.IsDevelopment()
            && user.Identity?.IsAuthenticated == true
            && !user.SignedInWithSecondFactor()
            && context.Request.Path.StartsWithSegments("/workspace", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect(SetUpPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
