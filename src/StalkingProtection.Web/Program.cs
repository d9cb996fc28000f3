using Microsoft.AspNetCore.Mvc.Infrastructure;
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

    // P7: Razor Pages builds its application model by reflection over every page, about a third of the start; on another
    // core it is built while the checks wait on the database. The server still listens only once both are done.
    var pages = Task.Run(() => app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors);
    await app.PrepareAsync();
    app.LoadKeyRing();
    await pages;
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
