using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SyncHub.Connectors;
using SyncHub.Connectors.Xero.Http;

namespace SyncHub.Connectors.Xero.Auth;

/// <summary>
/// Hands out access tokens per integration, refreshing them two minutes before they expire or when Xero refuses
/// one, one refresh at a time per integration, and saving every rotated pair through the host's credential store.
/// </summary>
internal sealed class XeroTokens(ConnectorServices services, ILogger logger)
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RefreshTimeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, TokenState> _states = new(StringComparer.Ordinal);
    private readonly TokenEndpoint _endpoint = new(services.Http, services.Time);

    /// <summary>A token with more than two minutes left, refreshing first when needed.</summary>
    public Task<TokenResult> GetAsync(string integration, XeroSettings settings, CancellationToken cancellationToken)
    {
        var current = StateFor(integration, settings).Snapshot();
        return current.IsUsable(services.Time.GetUtcNow(), RefreshMargin)
            ? Task.FromResult(TokenResult.Ok(current.AccessToken!, current.Version))
            : RefreshAsync(integration, settings, current.Version, cancellationToken);
    }

    /// <summary>The integration's current state version, to pass to <see cref="RefreshAsync"/> for a forced refresh.</summary>
    public int CurrentVersion(string integration, XeroSettings settings) => StateFor(integration, settings).Snapshot().Version;

    /// <summary>
    /// Refreshes the token unless another caller already did since <paramref name="seenVersion"/>. The refresh
    /// itself is not cancelled with the caller: once Xero has rotated the refresh token, the new one must be kept.
    /// </summary>
    public Task<TokenResult> RefreshAsync(string integration, XeroSettings settings, int seenVersion, CancellationToken cancellationToken) =>
        RefreshSerializedAsync(integration, settings, StateFor(integration, settings), seenVersion).WaitAsync(cancellationToken);

    private TokenState StateFor(string integration, XeroSettings settings)
    {
        var state = _states.GetOrAdd(integration, _ => new TokenState(settings));
        state.Reconcile(settings);
        return state;
    }

    private async Task<TokenResult> RefreshSerializedAsync(string integration, XeroSettings settings, TokenState state, int seenVersion)
    {
        await state.Gate.WaitAsync();
        try
        {
            var current = state.Snapshot();
            if (current.Version != seenVersion && current.IsUsable(services.Time.GetUtcNow(), RefreshMargin))
            {
                return TokenResult.Ok(current.AccessToken!, current.Version);
            }

            using var timeout = new CancellationTokenSource(RefreshTimeout, services.Time);
            var (grant, failure) = await _endpoint.RefreshAsync(settings, current.RefreshToken, timeout.Token);
            if (grant is null)
            {
                logger.RefreshRefused(integration, failure!.HttpStatus, failure.ErrorClass);
                return TokenResult.Failed(failure);
            }

            var version = state.Apply(grant);
            logger.Refreshed(integration, grant.ExpiresAt);
            await SaveAsync(integration, grant);
            return TokenResult.Ok(grant.AccessToken, version);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            logger.RefreshUnreachable(integration, ex.GetType().Name);
            return TokenResult.Failed(new XeroFailure(ErrorClass.Transient, "Could not reach Xero's token endpoint to refresh the access token."));
        }
        finally
        {
            state.Gate.Release();
        }
    }

    private async Task SaveAsync(string integration, TokenGrant grant)
    {
        if (services.Credentials is not { } store)
        {
            return;
        }

        var values = new Dictionary<string, string>
        {
            [XeroSettings.AccessTokenKey] = grant.AccessToken,
            [XeroSettings.RefreshTokenKey] = grant.RefreshToken,
            [XeroSettings.AccessTokenExpiresAtKey] = grant.ExpiresAt.ToString("O", CultureInfo.InvariantCulture),
        };
        try
        {
            // Not the caller's token: the old refresh token is already spent, so this save must finish.
            await store.SaveAsync(integration, values, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.SaveFailed(integration, ex.GetType().Name);
        }
    }
}
