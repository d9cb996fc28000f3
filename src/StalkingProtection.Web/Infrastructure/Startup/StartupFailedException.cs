namespace StalkingProtection.Web.Infrastructure.Startup;

/// <summary>Start-up cannot continue; the message is one line saying what to fix.</summary>
public sealed class StartupFailedException(string message, Exception? inner = null) : Exception(message, inner);
