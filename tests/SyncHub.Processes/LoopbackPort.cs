using System.Net;
using System.Net.Sockets;

namespace SyncHub.Processes;

public static class LoopbackPort
{
    /// <summary>A port nothing listens on right now, picked by the OS.</summary>
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
