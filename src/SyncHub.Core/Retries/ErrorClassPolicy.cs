using SyncHub.Connectors;

namespace SyncHub.Core.Retries;

/// <summary>Which error classes SyncHub retries on its own. The rest wait for an administrator.</summary>
public static class ErrorClassPolicy
{
    public static bool IsAutomaticallyRetryable(ErrorClass errorClass) =>
        errorClass is ErrorClass.Transient or ErrorClass.RateLimited;

    /// <summary>A short label for lists.</summary>
    public static string Label(ErrorClass errorClass) => errorClass switch
    {
        ErrorClass.Transient => "Transient",
        ErrorClass.RateLimited => "Rate limited",
        ErrorClass.Authentication => "Authentication",
        ErrorClass.Authorization => "Authorization",
        ErrorClass.Validation => "Validation",
        ErrorClass.Conflict => "Conflict",
        ErrorClass.NotFound => "Not found",
        ErrorClass.Transform => "Transform",
        ErrorClass.ConnectorFault => "Connector fault",
        _ => "None",
    };
}
