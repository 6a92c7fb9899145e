using System.Text.Json;
using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>Builds the stored difference rows, bounded and clipped: everything from a destination is untrusted text.</summary>
internal static class DifferenceRows
{
    /// <summary>Fields stored per different record; the note counts the rest.</summary>
    public const int MaxFields = 15;

    private const string NotHeld = "Not in SyncHub yet: the source read found it.";

    public static ReconcileDifference Missing(Expectation expectation) =>
        FromItem(expectation, ReconcileDifferenceKind.Missing, resyncable: true, expectation.Item.RecordId is null ? NotHeld : null);

    public static ReconcileDifference Different(Expectation expectation, DestinationRecord held, List<FieldDifference> fields, bool resyncable, string? note)
    {
        var row = FromItem(expectation, ReconcileDifferenceKind.Different, resyncable,
            Join(fields.Count > MaxFields ? $"{fields.Count - MaxFields} more fields differ." : null, note));
        row.ExternalId = ReconcileText.ClipOrNull(held.ExternalId, 200);
        row.Label = ReconcileText.ClipOrNull(held.Label, 300);
        row.FieldsJson = JsonSerializer.Serialize(fields.Take(MaxFields).Select(f => new FieldDifference(
            ReconcileText.Clip(f.Field, 100), ReconcileText.ClipOrNull(f.Source, 150), ReconcileText.ClipOrNull(f.Destination, 150))));
        return row;
    }

    public static ReconcileDifference NotCompared(Expectation expectation, string reason) =>
        FromItem(expectation, ReconcileDifferenceKind.NotCompared, resyncable: false, reason);

    public static ReconcileDifference Extra(DestinationRecord held, string? note) => new()
    {
        Kind = ReconcileDifferenceKind.Extra,
        EntityType = ReconcileText.Clip(held.EntityType, 100),
        Reference = ReconcileText.Clip(held.Reference, 300),
        ExternalId = ReconcileText.ClipOrNull(held.ExternalId, 200),
        Label = ReconcileText.ClipOrNull(held.Label, 300),
        Note = note,
    };

    /// <summary>The stored fields of a different record.</summary>
    public static IReadOnlyList<FieldDifference> Fields(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<FieldDifference>>(json) ?? [];

    private static ReconcileDifference FromItem(Expectation expectation, ReconcileDifferenceKind kind, bool resyncable, string? note)
    {
        var item = expectation.Item;
        return new ReconcileDifference
        {
            Kind = kind,
            EntityType = ReconcileText.Clip(item.EntityType, 100),
            SourceId = ReconcileText.Clip(item.SourceId, 200),
            Reference = ReconcileText.Clip(expectation.Expected?.Reference ?? item.SourceId, 300),
            RecordId = item.RecordId,
            RecordStatus = item.Status,
            PayloadVersion = item.PayloadVersion,
            Note = note is null ? null : ReconcileText.Clip(note, 500),
            Resyncable = resyncable,
            SourcePayload = item.SourcePayload,
            SourceChangedAt = item.SourceChangedAt,
            ParentEntityType = item.ParentEntityType,
            ParentSourceId = item.ParentSourceId,
        };
    }

    private static string? Join(string? a, string? b) => a is null ? b : b is null ? a : a + " " + b;
}
