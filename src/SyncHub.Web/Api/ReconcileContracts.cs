using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Web.Api;

// The JSON shapes of the reconciliation API; enums serialize as camelCase strings.
public sealed record StartReconcileRequest(DateTimeOffset? From, DateTimeOffset? To);

public sealed record ReconcileCountsResponse(int SourceRecords, int DestinationRecords, int Matching, int Missing, int Different, int Extra, int NotCompared);

public sealed record ResyncResponse(
    ReconcileResyncStatus Status, int Resyncable, int Total, int Queued, int Left, int Delivered, int Failed, int Waiting,
    string? StartedBy, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Note);

public sealed record ReconcileResponse(
    long Id, string Integration, ReconcileStatus Status, DestinationReadMode Mode, DateTimeOffset From, DateTimeOffset To, string? StartedBy,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Phase, string? Note, bool Partial, ReconcileCountsResponse Counts, ResyncResponse Resync);

public sealed record ReconcileListResponse(IReadOnlyList<ReconcileResponse> Items, string? Next);

public sealed record FieldDifferenceResponse(string Field, string? Source, string? Destination);

public sealed record DifferenceResponse(
    long Id, ReconcileDifferenceKind Kind, string EntityType, string? SourceId, string Reference, long? RecordId, RecordStatus? RecordStatus,
    string? ExternalId, string? Label, IReadOnlyList<FieldDifferenceResponse> Fields, string? Note, bool Resyncable, DifferenceResync Resync, string? ResyncNote);

public sealed record DifferenceListResponse(IReadOnlyList<DifferenceResponse> Items, string? Next);
