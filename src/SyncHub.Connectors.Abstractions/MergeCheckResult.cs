namespace SyncHub.Connectors;

/// <summary>Whether a merge can go ahead (<see cref="IMergeTransfer.CheckMergeAsync"/>).</summary>
public sealed record MergeCheckResult
{
    private MergeCheckResult()
    {
    }

    /// <summary>True when the destination can take the merge.</summary>
    public bool Allowed { get; private init; }

    /// <summary>Why not; <see cref="ErrorClass.None"/> when allowed.</summary>
    public ErrorClass ErrorClass { get; private init; }

    /// <summary>What to tell the administrator, for example which permission the credentials lack. Untrusted text.</summary>
    public string Reason { get; private init; } = "";

    /// <summary>The merge can go ahead.</summary>
    public static MergeCheckResult Allow() => new() { Allowed = true };

    /// <summary>The merge cannot be carried out; nothing is changed.</summary>
    /// <param name="errorClass">Why, for example <see cref="ErrorClass.Authorization"/> for a missing permission.</param>
    /// <param name="reason">A sentence for the administrator.</param>
    public static MergeCheckResult Refuse(ErrorClass errorClass, string reason) =>
        new() { ErrorClass = errorClass == ErrorClass.None ? ErrorClass.ConnectorFault : errorClass, Reason = reason };
}
