using SyncHub.Core.Records;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Failures;

/// <summary>When a record may be edited, and what an edit would change, checked without saving anything.</summary>
public static class EditRules
{
    internal const string SameAsCurrent = "is the same as the current payload: change something first, or use Retry now to send it as it is.";

    /// <summary>Whether the record's state lets an operator edit it now (the save checks again, under the write gate).</summary>
    public static bool CanEdit(SyncRecord record) =>
        record.ClaimToken is null && record.Status is RecordStatus.Failed or RecordStatus.DeadLetter or RecordStatus.Skipped or RecordStatus.NeedsReview;

    /// <summary>Checks a new payload against the current one (the editor's Validate button).</summary>
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
