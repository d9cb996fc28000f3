using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace StalkingProtection.EndToEndTests.Reliability;

/// <summary>
/// A PostgreSQL server of a test's own, in a temporary folder, that the test may kill: Debian's server binaries, run as
/// the postgres user when the tests run as root (PostgreSQL refuses to run as root), with durable settings.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;

    private PostgresServer(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>A connection string for <paramref name="database"/> as the superuser (trusted on loopback).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "sp_test", Database = database }.ConnectionString;

    public static async Task<PostgresServer> StartNewAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderBy(b => int.Parse(Path.GetFileName(Path.GetDirectoryName(b))!, CultureInfo.InvariantCulture)).Last();
        var server = new PostgresServer(Path.Combine(Path.GetTempPath(), $"sp-postgres-{Guid.NewGuid():N}"), bin, ServerProcess.FreePort());
        // initdb makes the folder, so that it belongs to whoever runs the server.
        await server.RunAsync("initdb", "-D", server.DataFolder, "-U", "sp_test", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8");
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the server on its folder; after a kill, it recovers from its write-ahead log first.</summary>
    public Task StartAsync() =>
        RunAsync("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "120", "-o",
            $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on", "start");

    /// <summary>
    /// SIGKILL to the postmaster and every process of the server at once, as a power cut or the kernel's OOM killer would:
    /// no checkpoint, no shutdown, shared memory and the pid file left behind.
    /// </summary>
    public void Kill()
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(DataFolder, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        var processes = Children(postmaster).Prepend(postmaster).ToList();
        foreach (var pid in processes)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }

        foreach (var pid in processes)
        {
            while (Directory.Exists($"/proc/{pid}") && !IsZombie(pid))
            {
                Thread.Sleep(5);
            }
        }

        // The dead processes may linger as zombies where nothing reaps orphans (a container's first process), and a new
        // postmaster takes a lock file whose process id still exists for a running server. Every process of the old server
        // is dead, so its lock files are stale.
        File.Delete(Path.Combine(DataFolder, "postmaster.pid"));
        File.Delete(Path.Combine(_folder, $".s.PGSQL.{Port}.lock"));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // Not running.
        }

        NpgsqlConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    public string Log() => File.Exists(Path.Combine(_folder, "server.log")) ? File.ReadAllText(Path.Combine(_folder, "server.log")) : "";

    private static IEnumerable<int> Children(int parent) =>
        Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == parent)
            .ToList();

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after its closing bracket.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] == 'Z';
        }
        catch (IOException)
        {
            return true;
        }
    }

    private async Task RunAsync(string program, params string[] arguments)
    {
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? "runuser" : Path.Combine(_bin, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asRoot)
        {
            foreach (var a in new[] { "-u", "postgres", "--", Path.Combine(_bin, program) })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {await stderr}{await stdout}\n{Log()}");
        }
    }
}
