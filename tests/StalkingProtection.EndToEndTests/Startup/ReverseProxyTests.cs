using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using StalkingProtection.EndToEndTests.Reliability;
using StalkingProtection.TestCommon;

namespace StalkingProtection.EndToEndTests.Startup;

/// <summary>nginx, set up with the proxying part of deploy/nginx (the file a force includes), in front of the real program in Production.</summary>
public sealed class NginxInFrontOfTheProgram : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"sp-proxy-{Guid.NewGuid():N}");
    private readonly ConcurrentQueue<string> _serviceLog = new();
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(5) };
    private ServerProcess? _server;
    private Process? _nginx;
    private int _nginxPort;

    public int Port => _nginxPort;

    public HttpClient Probe => _probe;

    /// <summary>The lines the service has logged, each request it received among them.</summary>
    public IEnumerable<string> ServiceLog => _serviceLog;

    public string AccessLog => Path.Combine(_folder, "access.log");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var settings = new Dictionary<string, string>
        {
            ["StalkingProtection__Database__DataDirectory"] = Path.Combine(_folder, "data"),
            ["StalkingProtection__Proxy__KnownProxies__0"] = "127.0.0.1",
            // Every request the service receives is logged with its path, to compare with what nginx forwarded.
            ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        };
        var migrated = await ProgramProcess.RunAsync(settings, ["migrate"]);
        Assert.True(migrated.ExitCode == 0, migrated.Output);
        _server = await ServerProcess.StartAsync(settings, _probe, output: _serviceLog.Enqueue);

        const string nginx = "/usr/sbin/nginx";
        Assert.True(File.Exists(nginx), "nginx is not installed: ./scripts/test installs Debian's nginx.");
        _nginxPort = ServerProcess.FreePort();
        var include = Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "stalking-protection-proxy.conf");
        var config = Path.Combine(_folder, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            events { worker_connections 64; }
            http {
                log_format forwarded "$request_uri";
                access_log {{_folder}}/access.log forwarded;
                client_body_temp_path {{_folder}}/body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                upstream stalking_protection { server {{_server.Address.Host}}:{{_server.Address.Port}}; keepalive 8; }
                server {
                    listen 127.0.0.1:{{_nginxPort}};
                    include {{include}};
                }
            }
            """);
        _nginx = Process.Start(new ProcessStartInfo(nginx, ["-p", _folder, "-e", Path.Combine(_folder, "error.log"), "-c", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_nginx.HasExited, $"nginx exited: {await _nginx.StandardError.ReadToEndAsync()}");
            try
            {
                using var health = await _probe.GetAsync(new Uri($"http://127.0.0.1:{_nginxPort}/health/live"));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException) when (waited.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill();
            await _nginx.WaitForExitAsync();
        }

        _nginx?.Dispose();
        _server?.Dispose();
        _probe.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// ASVS V4.2.1: requests whose framing two parsers could read differently are sent to nginx in front of the program; the
/// service must never receive a request that nginx did not forward as one, and nginx refuses the ambiguous ones outright.
/// </summary>
[OwnDatabase]
public sealed class ReverseProxyTests(NginxInFrontOfTheProgram proxy) : IClassFixture<NginxInFrontOfTheProgram>
{
    public static TheoryData<string, string> AmbiguousFraming => new()
    {
        { "Content-Length and Transfer-Encoding (CL.TE)", "POST /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {length}\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n{smuggled}" },
        { "Transfer-Encoding and a short Content-Length (TE.CL)", "POST /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n{chunk}\r\n{smuggled}\r\n0\r\n\r\n" },
        { "two different Content-Lengths", "POST /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nContent-Length: {length}\r\n\r\n{smuggled}" },
        { "Transfer-Encoding with a space before the colon", "POST /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {length}\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n{smuggled}" },
        { "Transfer-Encoding that is not chunked", "POST /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {length}\r\nTransfer-Encoding: xchunked\r\n\r\n0\r\n\r\n{smuggled}" },
        { "Transfer-Encoding folded onto a second line", "POST /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {length}\r\nX-Note: a\r\n Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n{smuggled}" },
    };

    [Theory]
    [MemberData(nameof(AmbiguousFraming))]
    public async Task V4_2_1_AmbiguousFramingThroughNginx_NeverReachesTheServiceAsASecondRequest(string how, string template)
    {
        // Arrange
        var marker = $"/smuggled-{Guid.NewGuid():N}";
        var smuggled = $"GET {marker} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
        var request = template.Replace("{smuggled}", smuggled, StringComparison.Ordinal)
            .Replace("{chunk}", Encoding.ASCII.GetByteCount(smuggled).ToString("x", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var body = request[(request.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        request = request.Replace("{length}", Encoding.ASCII.GetByteCount(body).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        // Act: the probe on its own connection, then an ordinary request on another, as the next visitor would send it.
        var answer = await SendRawAsync(request);
        var after = $"after-{Guid.NewGuid():N}";
        using var next = await proxy.Probe.GetAsync(new Uri($"http://127.0.0.1:{proxy.Port}/health/live?{after}"), TestContext.Current.CancellationToken);
        // The service's log of the ordinary request shows its request log is being read, so a smuggled request would be seen.
        for (var waited = 0; !proxy.ServiceLog.Any(l => l.Contains(after, StringComparison.Ordinal)) && waited < 10_000; waited += 50)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        // Assert
        var firstLine = answer.Split("\r\n")[0];
        Assert.True(firstLine is "HTTP/1.1 400 Bad Request" or "HTTP/1.1 501 Not Implemented" or "HTTP/1.1 200 OK", $"{how}: nginx answered {firstLine}");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains(proxy.ServiceLog, l => l.Contains(after, StringComparison.Ordinal) && l.Contains("Request starting", StringComparison.Ordinal));
        var forwarded = (await File.ReadAllLinesAsync(proxy.AccessLog, TestContext.Current.CancellationToken)).Count(l => l.Contains(marker, StringComparison.Ordinal));
        var received = proxy.ServiceLog.Count(l => l.Contains(marker, StringComparison.Ordinal) && l.Contains("Request starting", StringComparison.Ordinal));
        Assert.True(received <= forwarded, $"{how}: the service received {marker} {received} time(s), nginx forwarded it {forwarded} time(s).");
    }

    [Fact]
    public async Task V4_2_1_BothContentLengthAndTransferEncoding_IsRefusedByNginxWith400()
    {
        // Act
        var answer = await SendRawAsync("POST /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");

        // Assert
        Assert.StartsWith("HTTP/1.1 400", answer, StringComparison.Ordinal);
    }

    private async Task<string> SendRawAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, proxy.Port, TestContext.Current.CancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        client.Client.Shutdown(SocketShutdown.Send);
        using var read = new MemoryStream();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            await stream.CopyToAsync(read, timeout.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // nginx keeps or resets the connection; what arrived before that is the answer.
        }

        return Encoding.ASCII.GetString(read.ToArray());
    }
}
