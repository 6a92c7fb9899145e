using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Reconciliation;

/// <summary>One comparison in progress: the run, its integration and connector, and what it has done so far.</summary>
internal sealed class ReconcileContext(ReconcileRun run, ReconcileAccess access, Func<bool> cancelRequested)
{
    public ReconcileRun Run { get; } = run;

    public Integration Integration => Access.Integration;

    public ReconcileAccess Access { get; } = access;

    public IDestinationReader Reader => Access.Reader;

    public ConnectorSettings Settings => Access.Settings;

    /// <summary>Expired credentials get one refresh per comparison.</summary>
    public bool Refreshed { get; set; }

    /// <summary>What it is doing now, for the progress panel and the note of a timeout.</summary>
    public string Phase { get; set; } = "starting";

    /// <summary>When its progress was last written.</summary>
    public DateTimeOffset ReportedAt { get; set; } = DateTimeOffset.MinValue;

    public int SourceRecords { get; set; }

    public int DestinationRecords { get; set; }

    public bool Truncated { get; set; }

    /// <summary>An administrator asked to cancel: stop between calls.</summary>
    public void ThrowIfCancelled()
    {
        if (cancelRequested())
        {
            throw new OperationCanceledException("The reconciliation was cancelled.");
        }
    }

    public DestinationSubject Subject(string entityType, string sourceId, string body, string? idempotencyKey) => new()
    {
        IntegrationSlug = Integration.Slug,
        EntityType = entityType,
        SourceId = sourceId,
        IdempotencyKey = idempotencyKey,
        Body = body,
        Settings = Settings,
    };
}
