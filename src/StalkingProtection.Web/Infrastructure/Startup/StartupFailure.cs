using Microsoft.Extensions.Options;

namespace StalkingProtection.Web.Infrastructure.Startup;

public static class StartupFailure
{
    /// <summary>One line saying what to fix, for the failures an operator can fix; null lets anything else surface as is.</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        StartupFailedException e => e.Message,
        OptionsValidationException e => $"invalid setting: {string.Join(" ", e.Failures)}",
        InvalidOperationException e when e.Message.Contains("Failed to convert configuration value", StringComparison.Ordinal)
            => $"invalid setting: {e.Message}",
        InvalidOperationException e when e.Message.StartsWith("StalkingProtection:", StringComparison.Ordinal) => e.Message,
        IOException e when e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
            => $"the port is already in use ({e.Message}); set ASPNETCORE_URLS or --urls to a free address.",
        _ => null,
    };
}
