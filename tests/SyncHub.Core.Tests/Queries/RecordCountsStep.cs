namespace SyncHub.Core.Tests.Queries;

/// <summary>The changes of <see cref="RecordCountsHistory"/>, in the order they happen.</summary>
internal enum RecordCountsStep
{
    BooksFailed,
    ShopDelivered,
    DeadLettered,
    Dismissed,
    Archived,
    Restored,
    RetriedAll,
    NewPayloadVersion,
    Crashed,
    Recovered,
    RecordsDeleted,
    IntegrationDeleted,
}
