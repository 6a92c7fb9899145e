using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SyncHub.Connectors;
using SyncHub.Core.Pacing;
using SyncHub.Plugins.Protocol;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// Every connector call of a comparison: paced to the connector's declared limits, cut off after the call timeout, its
/// exceptions classified, and its expected failures answered: a 429 waits for its Retry-After (30 s without one, at most
/// 5 min, three times), a transient or server error is tried again after 1, 5 and 15 s, and refused credentials are
/// refreshed once per comparison.
/// </summary>
internal sealed partial class ReconcileCalls(RatePacer pacer, TimeProvider time, IOptions<ReconcileOptions> options, ILogger<ReconcileCalls> logger)
{
    private static readonly TimeSpan[] ProviderDownDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(15)];
    private static readonly TimeSpan DefaultRateLimitWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromMinutes(5);
    private const int MaxRateLimitWaits = 3;

    public Task<DestinationPage> ListAsync(ReconcileContext context, DestinationQuery query, CancellationToken token) =>
        CallAsync(context, t => context.Reader.ListAsync(query, t), CallResult.Of, (c, m) => DestinationPage.Failed(c, m), token);

    public Task<DestinationFetch> FetchAsync(ReconcileContext context, DestinationSubject subject, CancellationToken token) =>
        CallAsync(context, t => context.Reader.FetchAsync(subject, t), CallResult.Of, (c, m) => DestinationFetch.Failed(c, m), token);

    public Task<SourcePage> ReadSourceAsync(ReconcileContext context, IConnectorSource source, SourceQuery query, CancellationToken token) =>
        CallAsync(context, t => source.ReadAsync(query, t), CallResult.Of, (c, m) => SourcePage.Failed(c, m), token);

    private async Task<T> CallAsync<T>(
        ReconcileContext context, Func<CancellationToken, Task<T>> call, Func<T, CallResult> read, Func<ErrorClass, string, T> fail, CancellationToken token)
        where T : class
    {
        var (downRetries, rateWaits) = (0, 0);
        while (true)
        {
            var answer = await OnceAsync(context, call, fail, token);
            var result = read(answer);
            switch (result.ErrorClass)
            {
                case ErrorClass.RateLimited when rateWaits++ < MaxRateLimitWaits:
                    var wait = result.RetryAfter is { } after && after > TimeSpan.Zero ? Min(after, MaxRateLimitWait) : DefaultRateLimitWait;
                    LogWaiting(context.Integration.Slug, wait.TotalSeconds);
                    await Task.Delay(wait, time, token);
                    continue;
                case ErrorClass.Transient or ErrorClass.ServerError when downRetries < ProviderDownDelays.Length:
                    await Task.Delay(ProviderDownDelays[downRetries++], time, token);
                    continue;
                case ErrorClass.Authentication when await TryRefreshAsync(context, token):
                    continue;
                default:
                    return answer;
            }
        }
    }

    private async Task<T> OnceAsync<T>(ReconcileContext context, Func<CancellationToken, Task<T>> call, Func<ErrorClass, string, T> fail, CancellationToken token)
        where T : class
    {
        var integration = context.Integration;
        using var lease = await pacer.AcquireAsync(integration.Connector, integration.Slug, integration.Id, context.Access.Gateway!.Info.RateLimits, context.Settings, token);
        if (lease.RefusedUntil is { } until)
        {
            return fail(ErrorClass.RateLimited, $"The connector's daily call budget is spent until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC.");
        }

        var timeout = TimeSpan.FromSeconds(options.Value.CallTimeoutSeconds);
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(token, deadline.Token);
        try
        {
            return await call(linked.Token) ?? fail(ErrorClass.ConnectorFault, "The connector returned nothing.");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !token.IsCancellationRequested)
        {
            return fail(ErrorClass.Transient, $"Timed out: no answer within {timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException ex)
        {
            return fail(ErrorClass.Transient, "Connection failed: " + ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogConnectorThrew(ex, integration.Connector, integration.Slug);
            return fail(ErrorClass.ConnectorFault, $"The connector failed: {ex.GetType().Name}: {ex.Message}");
        }
    }

    private async Task<bool> TryRefreshAsync(ReconcileContext context, CancellationToken token)
    {
        if (context.Refreshed || context.Access.Gateway.Offering<ICredentialRefresh>(ConnectorCapabilities.CredentialRefresh) is not { } refresher)
        {
            return false;
        }

        context.Refreshed = true;
        try
        {
            return await refresher.RefreshCredentialsAsync(context.Integration.Slug, context.Settings, token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogConnectorThrew(ex, context.Integration.Connector, context.Integration.Slug);
            return false;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation of {Integration} waits {Seconds} s for the destination's rate limit")]
    private partial void LogWaiting(string integration, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Connector} threw while {Integration} was reconciled")]
    private partial void LogConnectorThrew(Exception exception, string connector, string integration);
}
