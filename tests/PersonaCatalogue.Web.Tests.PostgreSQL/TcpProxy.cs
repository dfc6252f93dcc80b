using System.Net;
using System.Net.Sockets;

namespace PersonaCatalogue.Web.Tests;

/// <summary>
/// A loopback TCP forwarder between the app and the PostgreSQL server that the test can cut (closing every connection
/// and refusing new ones, as a database restart or a network fault does) and restore, without stopping the server the
/// other tests share.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource _running = new();

    public TcpProxy(string host, int port)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    /// <summary>Listens (again); does nothing while already listening.</summary>
    public void Start()
    {
        if (_listener is not null)
        {
            return;
        }

        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _running.Token);
    }

    /// <summary>Closes every connection and stops listening: the database is unreachable.</summary>
    public void Cut()
    {
        _running.Cancel();
        _listener?.Stop();
        _listener = null;
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                try
                {
                    // Reset rather than close politely, as a crashed server or a broken network does.
                    connection.Client?.Close(0);
                }
                catch (ObjectDisposedException)
                {
                    // Its pump already closed it.
                }

                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception) when (stopping.IsCancellationRequested)
            {
                return;
            }

            var server = new TcpClient();
            try
            {
                await server.ConnectAsync(_target, stopping);
            }
            catch (Exception)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            lock (_connections)
            {
                _connections.Add(client);
                _connections.Add(server);
            }

            _ = PumpAsync(client, server, stopping);
            _ = PumpAsync(server, client, stopping);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken stopping)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stopping);
        }
        catch (Exception)
        {
            // Cut, or the other side closed.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
