using SyncHub.Core.Records;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Failures;

public sealed partial class EditAndRetryService
{
    /// <summary>Whether the record's state lets an operator edit it now (the save checks again, under the write gate).</summary>
    public static bool CanEdit(SyncRecord record) =>
        record.ClaimToken is null && record.Status is RecordStatus.Failed or RecordStatus.DeadLetter or RecordStatus.Skipped or RecordStatus.NeedsReview;

    /// <summary>Checks a new payload against the current one without saving anything (the editor's Validate button).</summary>
    public static EditPreview Preview(string currentPayload, string? newPayload)
    {
        var payload = PayloadJson.Parse(newPayload, out var problem);
        if (payload is null)
        {
            return new([], problem);
        }

        var changes = PayloadDiff.Lines(currentPayload, payload);
        return changes.Count == 0 ? new([], SameAsCurrent) : new(changes, null);
    }
}
