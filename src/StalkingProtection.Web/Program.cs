using StalkingProtection.Web;
using StalkingProtection.Web.Infrastructure.Startup;

try
{
    // Settings, content and the data folder are found beside the program, whatever folder it is started from.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    builder.AddStalkingProtectionCore().AddStalkingProtectionWeb();
    var app = builder.Build();

    if (await MaintenanceCommands.RunAsync(app, args) is { } exitCode)
    {
        return exitCode;
    }

    await app.PrepareAsync();
    app.UseStalkingProtection();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } message)
{
    await Console.Error.WriteLineAsync($"Stalking Protection cannot start: {message}");
    return 1;
}

public partial class Program;
