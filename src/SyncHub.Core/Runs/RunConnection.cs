using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Core.Notifications;
using SyncHub.Data;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>
/// The connection state a run sees and leaves: healthy after a page was read, expired when credentials were refused
/// and the one refresh a run gets did not help (the administrator is notified).
/// </summary>
public sealed partial class RunConnection(IDbContextFactory<SyncHubDbContext> dbFactory, WriteGate writes, INotifier notifier, ILogger<RunConnection> logger)
{
    /// <summary>Expired credentials get one refresh per run.</summary>
    internal async Task<bool> TryRefreshAsync(RunContext context, CancellationToken token)
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
            LogRefreshThrew(ex, context.Integration.Connector, context.Integration.Slug);
            refreshed = false;
        }

        context.Notes.Add(refreshed ? "The credentials had expired and were refreshed." : "The credentials had expired and could not be refreshed.");
        return refreshed;
    }

    internal async Task<RunEnd> ExpireAsync(RunContext context, string message, CancellationToken token)
    {
        var note = $"The credentials were refused ({message}) and could not be refreshed. Re-authenticate the connection; it stays marked expired until then.";
        await SetAsync(context.Integration.Id, ConnectionState.Expired, note, token);
        LogConnectionExpired(context.Integration.Slug);
        notifier.Notify(EngineNotifications.CredentialsExpired(context.Integration.Id, context.Integration.Slug, note));
        return RunEnd.Failed(note);
    }

    public async Task SetAsync(int integrationId, ConnectionState state, string? note, CancellationToken token)
    {
        await using var db = await dbFactory.CreateDbContextAsync(token);
        await writes.RunAsync(
            gated => db.Integrations.Where(i => i.Id == integrationId && (i.ConnectionState != state || i.ConnectionNote != note))
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.ConnectionState, state).SetProperty(i => i.ConnectionNote, note), gated),
            token);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The connection of {Integration} is marked expired: its credentials were refused and could not be refreshed")]
    private partial void LogConnectionExpired(string integration);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Connector} threw while reading the source of {Integration}")]
    private partial void LogRefreshThrew(Exception exception, string connector, string integration);
}
