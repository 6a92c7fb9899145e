using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>
/// Reads one page of a run's source, answering execution-level failures: refresh credentials once, wait out 5xx and
/// 429, fail the run on anything else. A connector's exception is caught here and becomes a failed page.
/// </summary>
public sealed partial class RunPageReader(RunConnection connection, TimeProvider time, ILogger<RunPageReader> logger)
{
    /// <summary>Provider down (5xx): three more tries at these delays, then the run fails.</summary>
    internal static readonly TimeSpan[] ProviderDownDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    private static readonly TimeSpan DefaultRateLimitPause = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(60);

    internal async Task<(SourcePage? Page, RunEnd? Failure)> ReadAsync(RunContext context, string? cursor, CancellationToken token)
    {
        var providerRetries = 0;
        while (true)
        {
            var page = await ReadOnceAsync(context, cursor, token);
            if (page.IsSuccess)
            {
                await connection.SetAsync(context.Integration.Id, ConnectionState.Healthy, null, token);
                return (page, null);
            }

            var message = Untrusted(page.Message);
            switch (page.ErrorClass)
            {
                case ErrorClass.Authentication when await connection.TryRefreshAsync(context, token):
                    continue;
                case ErrorClass.Authentication:
                    return (null, await connection.ExpireAsync(context, message, token));
                case ErrorClass.Transient or ErrorClass.ServerError when providerRetries < ProviderDownDelays.Length:
                    await Task.Delay(ProviderDownDelays[providerRetries++], time, token);
                    continue;
                case ErrorClass.Transient or ErrorClass.ServerError:
                    return (null, RunEnd.Failed($"The source is down: {message} Retried after 1 s, 5 s and 15 s without success."));
                case ErrorClass.RateLimited:
                    var pause = page.RetryAfter is { } after && after > TimeSpan.Zero ? after : DefaultRateLimitPause;
                    context.Notes.Add($"Paused {RunDurationText.Describe(pause)} at page {context.Page + 1} for the source's rate limit (429), then resumed.");
                    LogRateLimited(context.Run.Id, pause.TotalSeconds);
                    await Task.Delay(pause, time, token);
                    continue;
                default:
                    return (null, RunEnd.Failed($"The source could not be read ({page.ErrorClass}): {message}"));
            }
        }
    }

    /// <summary>A provider's message goes into the run's note: trimmed, and cut at 500 characters.</summary>
    internal static string Untrusted(string? text)
    {
        var value = string.IsNullOrWhiteSpace(text) ? "no details" : text.Trim();
        return value.Length <= 500 ? value : value[..499] + "…";
    }

    private async Task<SourcePage> ReadOnceAsync(RunContext context, string? cursor, CancellationToken token)
    {
        using var call = CancellationTokenSource.CreateLinkedTokenSource(token);
        call.CancelAfter(ReadTimeout);
        var query = new SourceQuery
        {
            IntegrationSlug = context.Integration.Slug,
            Settings = context.Settings,
            ChangedFrom = context.WindowFrom,
            ChangedTo = context.WindowTo,
            Cursor = cursor,
            PageSize = context.Integration.Runs.BatchSize,
        };
        try
        {
            return await context.Source.ReadAsync(query, call.Token) ?? SourcePage.Failed(ErrorClass.ConnectorFault, "The connector returned no page.");
        }
        catch (OperationCanceledException) when (!token.IsCancellationRequested)
        {
            return SourcePage.Failed(ErrorClass.Transient, $"Timed out: the source did not answer within {ReadTimeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex)
        {
            return SourcePage.Failed(ErrorClass.Transient, "Connection failed: " + ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSourceThrew(ex, context.Integration.Connector, context.Integration.Slug);
            return SourcePage.Failed(ErrorClass.ConnectorFault, $"The connector failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} pauses {Seconds} s for the source's rate limit")]
    private partial void LogRateLimited(long runId, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Connector} threw while reading the source of {Integration}")]
    private partial void LogSourceThrew(Exception exception, string connector, string integration);
}
