using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StalkingProtection.EndToEndTests.Startup;

namespace StalkingProtection.EndToEndTests.Reliability;

/// <summary>The real program serving on a loopback port of its own, in Production, until it is killed.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the program and waits until it answers <c>/health/live</c>: it listens only once its start-up checks have passed.</summary>
    public static async Task<ServerProcess> StartAsync(IDictionary<string, string> environment, HttpClient probe, string? programFolder = null, Action<string>? output = null)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = ProgramProcess.StartInfo(environment, ["--urls", address.ToString().TrimEnd('/')], programFolder);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) { output?.Invoke(line); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { output?.Invoke(line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, address);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The program exited with {process.ExitCode} before it answered.");
            }

            try
            {
                using var health = await probe.GetAsync(new Uri(address, "health/live"));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer.
            }

            await Task.Delay(25);
        }

        server.Dispose();
        throw new TimeoutException("The program did not answer /health/live within 120 seconds.");
    }

    /// <summary>SIGKILL: no shutdown, no flushing, nothing the program can do about it.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    /// <summary>A loopback port nothing listens on at this moment.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
