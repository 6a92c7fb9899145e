namespace SyncHub.Connectors;

/// <summary>What a connection test found.</summary>
public sealed record ConnectionTestResult
{
    private ConnectionTestResult()
    {
    }

    /// <summary>True when the destination answered an authenticated call.</summary>
    public bool Succeeded { get; private init; }

    /// <summary>Why it failed; <see cref="ErrorClass.None"/> when it succeeded.</summary>
    public ErrorClass ErrorClass { get; private init; }

    /// <summary>What to tell the administrator, for example the organisation's name. Untrusted text.</summary>
    public string Message { get; private init; } = "";

    /// <summary>The call worked.</summary>
    public static ConnectionTestResult Ok(string message) => new() { Succeeded = true, Message = message };

    /// <summary>The call failed.</summary>
    public static ConnectionTestResult Failed(ErrorClass errorClass, string message) =>
        new() { ErrorClass = errorClass == ErrorClass.None ? ErrorClass.ConnectorFault : errorClass, Message = message };
}
