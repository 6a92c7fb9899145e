using SyncHub.Core.Validation;

namespace SyncHub.Core.Failures.Groups;

/// <summary>How many records a group dismiss took, or the field errors that stopped it before anything changed.</summary>
public sealed record GroupDismissResult(int Dismissed, FieldErrors? Errors)
{
    public bool IsValid => Errors is null;
}
