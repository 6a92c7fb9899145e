using System.Threading.Channels;
using Microsoft.Extensions.Options;
using SyncHub.Core.Delivery.Claiming;
using SyncHub.Core.Delivery.Completing;
using SyncHub.Core.Delivery.Sending;
using SyncHub.Core.Writes;

namespace SyncHub.Core.Delivery.Pipeline;

/// <summary>
/// Claim, send, complete. The claimer takes a batch and queues its records in a bounded channel; workers (up to
/// <see cref="DeliveryOptions.Concurrency"/>) take them from memory, send each and hand its result to the completion
/// writer, which writes whatever has been handed over since its last write as one group. The next batch is claimed as soon
/// as the channel has room for it, while the current one is still being sent, so senders do not wait on the database.
/// </summary>
internal sealed class DeliveryPipeline
{
    private readonly BatchClaimer _claimer;
    private readonly AttemptSender _sender;
    private readonly DeliveryOptions _options;
    private readonly GroupCommit<Completion, bool?> _completions;

    public DeliveryPipeline(BatchClaimer claimer, AttemptSender sender, CompletionWriter writer, IOptions<DeliveryOptions> options)
    {
        _claimer = claimer;
        _sender = sender;
        _options = options.Value;
        _completions = new GroupCommit<Completion, bool?>(writer.WriteAsync, Math.Max(_options.BatchSize, 1));
    }

    /// <summary>Claims one batch (or up to <paramref name="limit"/> records), sends it and waits until every result is written.</summary>
    public async Task<BatchResult> RunOnceAsync(WorkSource source, CancellationToken cancellationToken, int? limit = null)
    {
        var claimed = await _claimer.ClaimAsync(source, limit ?? _options.BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return BatchResult.Empty;
        }

        var channel = Channel.CreateUnbounded<ClaimedRecord>();
        foreach (var work in claimed)
        {
            channel.Writer.TryWrite(work);
        }

        channel.Writer.Complete();
        return await SendAllAsync(channel.Reader, Task.CompletedTask, null, cancellationToken);
    }

    /// <summary>
    /// Claims batch after batch until the source has nothing claimable (or <paramref name="mayClaim"/> says stop, checked
    /// before each claim), sending each while the next is claimed. Returns what was attempted in all.
    /// </summary>
    public async Task<BatchResult> DrainAsync(WorkSource source, Func<CancellationToken, Task<bool>>? mayClaim, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<ClaimedRecord>(new BoundedChannelOptions(Math.Max(_options.BatchSize, 1)) { SingleWriter = true });
        using var stopClaiming = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var claiming = ClaimAheadAsync(source, mayClaim, channel.Writer, stopClaiming.Token);
        return await SendAllAsync(channel.Reader, claiming, stopClaiming, cancellationToken);
    }

    private async Task ClaimAheadAsync(WorkSource source, Func<CancellationToken, Task<bool>>? mayClaim, ChannelWriter<ClaimedRecord> writer, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested && (mayClaim is null || await mayClaim(cancellationToken)))
            {
                var claimed = await _claimer.ClaimAsync(source, _options.BatchSize, cancellationToken);
                if (claimed.Count == 0)
                {
                    break;
                }

                for (var i = 0; i < claimed.Count; i++)
                {
                    if (!writer.TryWrite(claimed[i]) && !await WriteOrHandBackAsync(writer, claimed, i, cancellationToken))
                    {
                        return;
                    }
                }
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    /// <summary>Waits for room in the channel; when the wait is cancelled, the records not queued yet are handed back unsent.</summary>
    private async Task<bool> WriteOrHandBackAsync(ChannelWriter<ClaimedRecord> writer, List<ClaimedRecord> claimed, int from, CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteAsync(claimed[from], cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            await HandBackAsync(claimed.Skip(from));
            return false;
        }
    }

    private async Task<BatchResult> SendAllAsync(ChannelReader<ClaimedRecord> reader, Task claiming, CancellationTokenSource? stopClaiming, CancellationToken cancellationToken)
    {
        var tally = new CompletionTally();
        var workers = Enumerable.Range(0, Math.Max(_options.Concurrency, 1)).Select(_ => Task.Run(() => WorkAsync(reader, tally, cancellationToken), CancellationToken.None)).ToList();
        try
        {
            await Task.WhenAll(workers);
        }
        finally
        {
            // Workers that stopped early (the host is stopping) leave claimed records unsent: the claimer stops and they are
            // handed back, not left in flight. Results already handed over are written whatever happens to the workers.
            if (stopClaiming is not null)
            {
                await stopClaiming.CancelAsync();
            }

            await claiming.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            while (reader.TryRead(out var unsent))
            {
                Submit(Completion.HandBack(unsent, null), tally);
            }

            await tally.AllWrittenAsync();
        }

        if (claiming.IsFaulted)
        {
            await claiming;
        }

        return tally.Result();
    }

    private async Task WorkAsync(ChannelReader<ClaimedRecord> reader, CompletionTally tally, CancellationToken cancellationToken)
    {
        while (await reader.WaitToReadAsync(cancellationToken))
        {
            while (reader.TryRead(out var work))
            {
                var completion = await _sender.SendAsync(work, cancellationToken);
                Submit(completion, tally);
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>
    /// Hands the result to the completion writer without waiting for its group. The record's activity and its share of the
    /// batch's claim end when the write has finished (or failed), before the tally hears of it, so whoever waits on the
    /// tally sees the claim released.
    /// </summary>
    private void Submit(Completion completion, CompletionTally tally)
    {
        tally.Handed();
        _ = WriteAsync(completion, tally);
    }

    private async Task WriteAsync(Completion completion, CompletionTally tally)
    {
        bool? result;
        try
        {
            result = await _completions.SubmitAsync(completion);
        }
        catch (Exception ex)
        {
            Release(completion);
            tally.Failed(ex);
            return;
        }

        Release(completion);
        tally.Written(result);
    }

    private static void Release(Completion completion)
    {
        completion.Activity?.Dispose();
        completion.Work.Batch.Done();
    }

    private async Task HandBackAsync(IEnumerable<ClaimedRecord> unsent)
    {
        var tally = new CompletionTally();
        foreach (var work in unsent)
        {
            Submit(Completion.HandBack(work, null), tally);
        }

        await tally.AllWrittenAsync();
    }
}
