using SyncHub.Core.Validation;

namespace SyncHub.Core.Failures;

/// <summary>
/// What a dismiss, archive or restore did: the records it changed, or the field errors that stopped it before
/// anything changed. Records that did not qualify (wrong status, unknown, another integration) are simply not changed.
/// </summary>
public sealed record RecordActionResult(IReadOnlyList<long> Changed, FieldErrors? Errors)
{
    public bool IsValid => Errors is null;

    public static RecordActionResult Invalid(FieldErrors errors) => new([], errors);
}
