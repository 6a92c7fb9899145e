using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Core.Integrations;
using SyncHub.Core.Mapping;
using SyncHub.Core.Plugins;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Duplicates;

/// <summary>
/// The destination's side of a merge, for connectors that keep values a merge combines (<see cref="IMergeTransfer"/>):
/// the check before anything changes, and the transfer off the destination records merged away before the link.
/// A connector that throws or hangs is reported like a refusal; connectors without the interface are not asked.
/// </summary>
public sealed partial class MergeTransfers(
    IDbContextFactory<SyncHubDbContext> dbFactory, IConnectorCatalog catalog, RecordMapper mapper, SettingsProtector settings, TimeProvider time,
    ILogger<MergeTransfers> logger)
{
    /// <summary>How long a check or a transfer may take; each makes a few calls.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private const int MaxReason = 600;

    /// <summary>Null when the merge may go ahead; otherwise why not, with nothing changed.</summary>
    public async Task<DuplicateDecisionResult?> CheckAsync(DuplicateReviewDetails details, string survivor, CancellationToken cancellationToken)
    {
        if (catalog.Find(details.Integration.Connector).Offering<IMergeTransfer>(ConnectorCapabilities.MergeTransfer) is not { } connector)
        {
            return null;
        }

        // The body the merge will deliver: the point balances of the records it is about to absorb already added.
        var payload = PointBalance.Combine(details.Record.Payload, details.LinkedRecords.Select(r => r.Payload))?.Payload ?? details.Record.Payload;
        var merged = await MergedAwayAsync(details.Record.Id, details.LinkedRecords.Select(r => r.ExternalId), survivor, cancellationToken);
        if (Request(details.Record, details.Integration, payload, survivor, merged) is not { } request)
        {
            return null;
        }

        var (outcome, problem) = await CallAsync(ct => connector.CheckMergeAsync(request, ct), cancellationToken);
        if (outcome is { Allowed: true })
        {
            return null;
        }

        LogRefused(details.Record.Id, details.Integration.Slug, outcome?.ErrorClass ?? ErrorClass.ConnectorFault);
        return new(DuplicateDecisionOutcome.Refused, $"Not merged, nothing was changed: {Clip(outcome?.Reason ?? problem!)}");
    }

    /// <summary>Null when the values moved (or there was nothing to move); otherwise why not, with the review left open.</summary>
    public async Task<DuplicateDecisionResult?> TransferAsync(long recordId, string survivor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var record = await db.Records.AsNoTracking().Include(r => r.Integration).SingleAsync(r => r.Id == recordId, cancellationToken);
        if (catalog.Find(record.Integration!.Connector).Offering<IMergeTransfer>(ConnectorCapabilities.MergeTransfer) is not { } connector)
        {
            return null;
        }

        var merged = await MergedAwayAsync(recordId, [], survivor, cancellationToken);
        if (merged.Count == 0 || Request(record, record.Integration, record.Payload, survivor, merged) is not { } request)
        {
            return null;
        }

        var (outcome, problem) = await CallAsync(ct => connector.TransferAsync(request, ct), cancellationToken);
        if (outcome is { IsDelivered: true })
        {
            return null;
        }

        LogTransferFailed(recordId, record.Integration.Slug, outcome?.ErrorClass ?? ErrorClass.ConnectorFault);
        return new(DuplicateDecisionOutcome.DeliveryFailed,
            $"Not merged yet: {Clip(outcome?.Message ?? problem ?? "the connector gave no reason.")} The review stays open; merge again to finish.");
    }

    // Destination records of SyncHub's records the merge absorbs (about to, or already in an earlier try), but the survivor.
    private async Task<List<string>> MergedAwayAsync(long recordId, IEnumerable<string?> absorbing, string survivor, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var absorbed = await db.Records.AsNoTracking().Where(r => r.MergedIntoRecordId == recordId && r.ExternalId != null)
            .Select(r => r.ExternalId!).ToListAsync(cancellationToken);
        return [.. absorbing.OfType<string>().Concat(absorbed).Where(id => id != survivor).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private MergeRequest? Request(SyncRecord record, Integration integration, string payload, string survivor, IReadOnlyList<string> merged)
    {
        var mapping = mapper.Render(
            MappingTemplates.For(integration, record.EntityType), payload, record.EntityType, record.SourceId, MappingDefaults.Parse(integration.MappingDefaultsJson));
        ConnectorSettings? connection;
        try
        {
            connection = settings.Read(integration.SettingsJson);
        }
        catch (CryptographicException)
        {
            connection = null;
        }

        // A body that does not render or settings that cannot be read fail the link itself, which says so on the review.
        return !mapping.Succeeded || connection is null ? null : new MergeRequest
        {
            RecordId = record.Id,
            IntegrationSlug = integration.Slug,
            EntityType = record.EntityType,
            SourceId = record.SourceId,
            IdempotencyKey = $"{record.IdempotencyKey}.merge",
            Body = mapping.Body!,
            Settings = connection,
            SurvivorExternalId = survivor,
            MergedExternalIds = merged,
        };
    }

    private async Task<(T? Outcome, string? Problem)> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
        where T : class
    {
        using var timeout = new CancellationTokenSource(Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            var outcome = await call(linked.Token).WaitAsync(linked.Token);
            return outcome is null ? (null, "The connector returned no answer.") : (outcome, null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (null, $"The destination did not answer within {Timeout.TotalSeconds:0} seconds.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (null, "The connector failed: " + ex.Message);
        }
    }

    private static string Clip(string text)
    {
        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxReason ? line : line[..(MaxReason - 1)] + "…";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The connector refused to merge record {RecordId} of {Integration} ({ErrorClass})")]
    private partial void LogRefused(long recordId, string integration, ErrorClass errorClass);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connector could not move the merged values of record {RecordId} of {Integration} ({ErrorClass})")]
    private partial void LogTransferFailed(long recordId, string integration, ErrorClass errorClass);
}
