using Microsoft.EntityFrameworkCore;
using SyncHub.Connectors;
using SyncHub.Core.Notifications;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

public sealed partial class RunExecutor
{
    /// <summary>Provider down (5xx): three more tries at these delays, then the run fails.</summary>
    internal static readonly TimeSpan[] ProviderDownDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];

    private static readonly TimeSpan DefaultRateLimitPause = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Reads one page, answering execution-level failures: refresh credentials once, wait out 5xx and 429.</summary>
    private async Task<(SourcePage? Page, RunEnd? Failure)> ReadPageAsync(RunContext context, string? cursor, CancellationToken token)
    {
        var providerRetries = 0;
        while (true)
        {
            var page = await ReadOnceAsync(context, cursor, token);
            if (page.IsSuccess)
            {
                await SetConnectionAsync(context.Integration.Id, ConnectionState.Healthy, null, token);
                return (page, null);
            }

            var message = Untrusted(page.Message);
            switch (page.ErrorClass)
            {
                case ErrorClass.Authentication when await TryRefreshAsync(context, token):
                    continue;
                case ErrorClass.Authentication:
                    return (null, await ExpireConnectionAsync(context, message, token));
                case ErrorClass.Transient or ErrorClass.ServerError when providerRetries < ProviderDownDelays.Length:
                    await Task.Delay(ProviderDownDelays[providerRetries++], time, token);
                    continue;
                case ErrorClass.Transient or ErrorClass.ServerError:
                    return (null, RunEnd.Failed($"The source is down: {message} Retried after 1 s, 5 s and 15 s without success."));
                case ErrorClass.RateLimited:
                    var pause = page.RetryAfter is { } after && after > TimeSpan.Zero ? after : DefaultRateLimitPause;
                    context.Notes.Add($"Paused {Describe(pause)} at page {context.Page + 1} for the source's rate limit (429), then resumed.");
                    LogRateLimited(context.Run.Id, pause.TotalSeconds);
                    await Task.Delay(pause, time, token);
                    continue;
                default:
                    return (null, RunEnd.Failed($"The source could not be read ({page.ErrorClass}): {message}"));
            }
        }
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

    /// <summary>Expired credentials get one refresh per run.</summary>
    private async Task<bool> TryRefreshAsync(RunContext context, CancellationToken token)
    {
        if (context.Refresher is null || context.Refreshed)
        {
            return false;
        }

        context.Refreshed = true;
        bool refreshed;
        try
        {
            refreshed = await context.Refresher.RefreshCredentialsAsync(context.Integration.Slug, context.Settings, token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogSourceThrew(ex, context.Integration.Connector, context.Integration.Slug);
            refreshed = false;
        }

        context.Notes.Add(refreshed ? "The credentials had expired and were refreshed." : "The credentials had expired and could not be refreshed.");
        return refreshed;
    }

    private async Task<RunEnd> ExpireConnectionAsync(RunContext context, string message, CancellationToken token)
    {
        var note = $"The credentials were refused ({message}) and could not be refreshed. Re-authenticate the connection; it stays marked expired until then.";
        await SetConnectionAsync(context.Integration.Id, ConnectionState.Expired, note, token);
        LogConnectionExpired(context.Integration.Slug);
        notifier.Notify(EngineNotifications.CredentialsExpired(context.Integration.Id, context.Integration.Slug, note));
        return RunEnd.Failed(note);
    }

    private async Task SetConnectionAsync(int integrationId, ConnectionState state, string? note, CancellationToken token)
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        using var gate = await writes.EnterAsync(token);
        await db.Integrations.Where(i => i.Id == integrationId && (i.ConnectionState != state || i.ConnectionNote != note))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ConnectionState, state).SetProperty(i => i.ConnectionNote, note), token);
    }

    private static string Untrusted(string? text)
    {
        var value = string.IsNullOrWhiteSpace(text) ? "no details" : text.Trim();
        return value.Length <= 500 ? value : value[..499] + "…";
    }
}
