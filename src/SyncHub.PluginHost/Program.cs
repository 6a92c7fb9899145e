using System.Text;
using SyncHub.Connectors;
using SyncHub.PluginHost;
using SyncHub.Plugins.Protocol;

// Usage: SyncHub.PluginHost <plugin folder>. Speaks the protocol of PluginWire on stdin/stdout; everything the
// plugin writes to the console goes to stderr, so it can never corrupt a reply.
if (args.Length != 1 || !Directory.Exists(args[0]))
{
    await Console.Error.WriteLineAsync("Usage: SyncHub.PluginHost <plugin folder>");
    return 64;
}

var replies = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = false };
var log = TextWriter.Synchronized(Console.Error);
Console.SetOut(log);

var folder = Path.GetFullPath(args[0]);
using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = Timeout.InfiniteTimeSpan };
using var logging = new StderrLoggerFactory(log);
List<IConnectorGateway> gateways;
try
{
    gateways = PluginAssembly.Load(folder, Path.GetFileName(folder), new ConnectorServices(http, TimeProvider.System, logging));
}
catch (Exception ex) when (PluginAssembly.IsLoadFailure(ex))
{
    await replies.WriteLineAsync(PluginWire.Write(new ChildHello([], PluginAssembly.Reason(ex))));
    await replies.FlushAsync();
    return 2;
}

var server = new ChildServer(gateways, replies, log);
await server.HelloAsync();
await server.ServeAsync(new StreamReader(Console.OpenStandardInput(), Encoding.UTF8));
return 0;
