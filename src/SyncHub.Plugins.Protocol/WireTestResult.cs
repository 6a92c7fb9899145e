using SyncHub.Connectors;

namespace SyncHub.Plugins.Protocol;

/// <summary>A <see cref="ConnectionTestResult"/> on the wire.</summary>
internal sealed record WireTestResult(bool Succeeded, ErrorClass ErrorClass, string Message)
{
    public static WireTestResult From(ConnectionTestResult result) => new(result.Succeeded, result.ErrorClass, result.Message);

    public ConnectionTestResult ToResult() => Succeeded ? ConnectionTestResult.Ok(Message) : ConnectionTestResult.Failed(ErrorClass, Message);
}
