using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>
/// A Redis server of the test's own on a free loopback port, which the test may silence (SIGSTOP: alive with its data
/// but answering nothing, as in a partition or a hung server), wake (SIGCONT), shut down and start again, without
/// touching the Redis other tests share. Needs Debian's redis-server (installed by .ci/services); without it the
/// tests skip with that reason, except under CI=true, where they fail.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private const string Binary = "/usr/bin/redis-server";
    private Process? _process;

    public RedisServerProcess()
    {
        Port = FreePort();
        if (!File.Exists(Binary))
        {
            SkipReason = $"These tests need Redis's own server at {Binary} (apt-get install -y redis-server, or .ci/services).";
            if (TestServices.IsCi)
            {
                throw new InvalidOperationException(SkipReason + " CI=true, so this is a failure, not a skip.");
            }
        }
    }

    public int Port { get; }

    public string? SkipReason { get; }

    /// <summary>A StackExchange.Redis configuration string for this server, quick to notice it is gone.</summary>
    public string Configuration => $"127.0.0.1:{Port},connectTimeout=1000,asyncTimeout=1000,syncTimeout=1000,abortConnect=false";

    public async Task StartAsync()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        for (var tries = 0; tries < 100; tries++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not start on port {Port}");
    }

    /// <summary>SIGSTOP: the process keeps its connections and data but answers nothing.</summary>
    public void Silence() => Signal("STOP");

    /// <summary>SIGCONT: it answers again, with the data it had.</summary>
    public void Wake() => Signal("CONT");

    /// <summary>Shuts the server down (its data goes with it: nothing is saved).</summary>
    public async Task ShutDownAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {_process!.Id}");
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            Wake();
            await ShutDownAsync();
        }

        _process?.Dispose();
    }
}
