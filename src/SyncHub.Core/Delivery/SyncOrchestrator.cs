using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Connectors;
using SyncHub.Core.Breakers;
using SyncHub.Core.Cluster;
using SyncHub.Core.Integrations;
using SyncHub.Core.Mapping;
using SyncHub.Core.Notifications;
using SyncHub.Core.Pacing;
using SyncHub.Core.Retries;
using SyncHub.Core.Telemetry;
using SyncHub.Core.Writes;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

/// <summary>
/// Picks records in batches, claims each for exactly one worker, delivers it through its integration's
/// gateway and records the attempt in the sync log. First deliveries, automatic retries and manual retries
/// all go through here, so they share one claim and one way of recording results.
/// </summary>
public sealed partial class SyncOrchestrator
{
    private readonly IDbContextFactory<SyncHubDbContext> _dbFactory;
    private readonly GatewayInvoker _invoker;
    private readonly RecordMapper _mapper;
    private readonly SettingsProtector _settings;
    private readonly WriteGate _writes;
    private readonly BackoffCalculator _backoff;
    private readonly TimeProvider _time;
    private readonly DeliveryOptions _options;
    private readonly ILogger<SyncOrchestrator> _logger;
    private readonly BreakerRegistry _breakers;
    private readonly ActiveClaims _activeClaims;
    private readonly ConnectionPauses _pauses;
    private readonly DeliveryMetrics _metrics;
    private readonly INotifier _notifier;
    private readonly NodeIdentity _node;
    private readonly GroupCommit<Completion, bool?> _completions;

    public SyncOrchestrator(
        IDbContextFactory<SyncHubDbContext> dbFactory,
        GatewayInvoker invoker,
        RecordMapper mapper,
        SettingsProtector settings,
        WriteGate writes,
        BackoffCalculator backoff,
        TimeProvider time,
        IOptions<DeliveryOptions> options,
        ILogger<SyncOrchestrator> logger,
        BreakerRegistry breakers,
        ActiveClaims activeClaims,
        ConnectionPauses pauses,
        DeliveryMetrics metrics,
        INotifier notifier,
        NodeIdentity node)
    {
        _notifier = notifier;
        _node = node;
        _metrics = metrics;
        _pauses = pauses;
        _dbFactory = dbFactory;
        _invoker = invoker;
        _mapper = mapper;
        _settings = settings;
        _writes = writes;
        _backoff = backoff;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _breakers = breakers;
        _activeClaims = activeClaims;
        _completions = new GroupCommit<Completion, bool?>(CompleteGroupAsync, Math.Max(_options.BatchSize, 1));
    }

    /// <summary>Delivers one batch of pending records whose time has come.</summary>
    public async Task<BatchResult> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        Expression<Func<SyncRecord, bool>> due = r => r.Status == RecordStatus.Pending && r.NextAttemptAt <= now;
        await BlockChildrenOfUndeliveredParentsAsync(due, cancellationToken);
        return await ClaimAndProcessAsync(due, AttemptTrigger.Delivery, null, cancellationToken);
    }

    /// <summary>Retries one batch of failed records whose automatic retry is due. Records queued for a manual retry are left to it.</summary>
    public Task<BatchResult> RetryDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        return ClaimAndProcessAsync(
            r => r.Status == RecordStatus.Failed && r.NextAttemptAt != null && r.NextAttemptAt <= now && r.RetryOperationId == null && r.ArchivedAt == null,
            AttemptTrigger.AutomaticRetry,
            null,
            cancellationToken);
    }

    /// <summary>Retries one batch of the records a manual retry operation queued.</summary>
    public Task<BatchResult> RetryQueuedAsync(Guid operationId, CancellationToken cancellationToken) =>
        ClaimAndProcessAsync(QueuedBy(operationId), AttemptTrigger.ManualRetry, operationId, cancellationToken);

    internal static Expression<Func<SyncRecord, bool>> QueuedBy(Guid operationId) =>
        r => r.RetryOperationId == operationId && (r.Status == RecordStatus.Failed || r.Status == RecordStatus.DeadLetter);

    /// <summary>Retries one record a manual retry operation queued, alone: the operation's canary.</summary>
    public Task<BatchResult> RetryQueuedRecordAsync(Guid operationId, long recordId, CancellationToken cancellationToken) =>
        ClaimAndProcessAsync(
            r => r.Id == recordId && r.RetryOperationId == operationId && (r.Status == RecordStatus.Failed || r.Status == RecordStatus.DeadLetter),
            AttemptTrigger.ManualRetry, operationId, cancellationToken);

    private async Task<BatchResult> ClaimAndProcessAsync(
        Expression<Func<SyncRecord, bool>> filter, AttemptTrigger trigger, Guid? operationId, CancellationToken cancellationToken)
    {
        var claimed = await ClaimGatedAsync(filter, trigger, operationId, cancellationToken);
        if (claimed.Count == 0)
        {
            return BatchResult.Empty;
        }

        try
        {
            return await ProcessClaimedAsync(claimed, cancellationToken);
        }
        finally
        {
            foreach (var token in claimed.Select(c => c.ClaimToken).Distinct())
            {
                _activeClaims.Remove(token);
            }
        }
    }

    /// <summary>
    /// Sends the batch with up to <see cref="DeliveryOptions.Concurrency"/> workers. A worker hands each answered attempt
    /// to the completion writer and goes on with the next record; the batch ends only when every handed-over result
    /// is written (or its write has failed), so its claim stays registered until then, whatever happens to the workers.
    /// </summary>
    private async Task<BatchResult> ProcessClaimedAsync(List<ClaimedRecord> claimed, CancellationToken cancellationToken)
    {
        var completions = new ConcurrentQueue<Task<bool?>>();
        try
        {
            await Parallel.ForEachAsync(
                claimed,
                new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken },
                async (work, token) => completions.Enqueue(await ProcessOrReleaseAsync(work, token)));
        }
        finally
        {
            // Results already handed over are written even when the workers stopped early (the host is stopping).
            await Task.WhenAll(completions.Cast<Task>()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        var results = await Task.WhenAll(completions);
        return new BatchResult(claimed.Count, results.Count(r => r is true), results.Count(r => r is false));
    }

    /// <summary>Sends one record; returns the pending write of its result (true delivered, false failed, null claim lost).</summary>
    private async Task<Task<bool?>> ProcessAsync(ClaimedRecord work, Activity activity, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var record = work.Record;
        var mapping = _mapper.Render(
            MappingTemplates.For(work.Integration, record.EntityType), record.Payload, record.EntityType, record.SourceId, MappingDefaults.Parse(work.Integration.MappingDefaultsJson));
        var guard = new ResendGuard(record.OutcomeUnknown);
        var outcome = !mapping.Succeeded ? DeliveryOutcome.Failed(ErrorClass.Transform, mapping.Error!)
            : ReadSettings(work.Integration) is { } settings ? await _invoker.InvokeAsync(work.Integration, CreateRequest(work, mapping.Body!, settings), guard, cancellationToken, work.Decision?.LinkTo)
            : DeliveryOutcome.Failed(ErrorClass.ConnectorFault, "The integration's settings cannot be decrypted: the Data Protection keys they were saved with are missing. Save the settings again.");

        // The destination has answered; its result is written even if the host is stopping, so nothing is sent twice.
        ReportToBreakers(work, outcome);
        PauseIfAsked(work, outcome);
        DeliveryTracing.Completed(outcome);
        return _completions.SubmitAsync(new Completion(work, outcome, _time.GetElapsedTime(started), guard, mapping, activity));
    }

    private ConnectorSettings? ReadSettings(Integration integration)
    {
        try
        {
            return _settings.Read(integration.SettingsJson);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static DeliveryRequest CreateRequest(ClaimedRecord work, string body, ConnectorSettings settings) => new()
    {
        RecordId = work.Record.Id,
        IntegrationSlug = work.Integration.Slug,
        EntityType = work.Record.EntityType,
        SourceId = work.Record.SourceId,
        IdempotencyKey = work.Record.IdempotencyKey,
        Body = body,
        Settings = settings,
        AttemptNumber = work.Record.RetryCount + 1,
        SkipDuplicateCheck = work.Decision is not null,
    };
}
