using System.Net;
using System.Net.Sockets;
using netDumbster.smtp;

namespace PartnerWatch.Tests.Alert;

/// <summary>A real netDumbster SMTP server on 127.0.0.1, or just a reserved free port with nothing listening yet.</summary>
public sealed class SmtpTestServer : IDisposable
{
    private SimpleSmtpServer? _server;

    private SmtpTestServer(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<SmtpMessage> Received => _server?.ReceivedEmail ?? [];

    /// <summary>A free loopback port where no server listens (until <see cref="Start"/>).</summary>
    public static SmtpTestServer Reserve()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new SmtpTestServer(port);
    }

    public static SmtpTestServer StartNew()
    {
        var server = Reserve();
        server.Start();
        return server;
    }

    public void Start() => _server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(Port).Build();

    public void Dispose() => _server?.Stop();
}
