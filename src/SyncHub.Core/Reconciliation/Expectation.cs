using SyncHub.Connectors;

namespace SyncHub.Core.Reconciliation;

/// <summary>A source-side record and what the destination should hold for it, or why that cannot be said.</summary>
internal sealed record Expectation(SourceItem Item, DestinationSubject? Subject, DestinationRecord? Expected, string? Problem)
{
    public bool CanCompare => Problem is null && Expected is not null && Subject is not null;
}
