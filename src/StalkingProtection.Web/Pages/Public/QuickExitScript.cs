namespace StalkingProtection.Web.Pages.Public;

/// <summary>
/// The quick exit script, written into each public page (with the page's CSP nonce) so that it does not wait for,
/// or depend on, any file the browser has to fetch.
/// </summary>
public sealed class QuickExitScript(IWebHostEnvironment environment)
{
    private readonly Lazy<string> _source = new(() =>
    {
        var file = environment.WebRootFileProvider.GetFileInfo("js/quick-exit.js");
        using var reader = new StreamReader(file.CreateReadStream());
        return reader.ReadToEnd();
    });

    public string Source => _source.Value;
}
