using System.Net.Http.Headers;
using SyncHub.Connectors;
using SyncHub.Connectors.Xero.Auth;

namespace SyncHub.Connectors.Xero.Http;

/// <summary>
/// Sends authorised calls to the Accounting API: tenant header, bearer token, JSON. A 401 refreshes the token
/// once and repeats the call once.
/// </summary>
internal sealed class XeroApi(ConnectorServices services, XeroTokens tokens)
{
    public const string TenantHeader = "xero-tenant-id";

    /// <summary>Sends the request <paramref name="build"/> makes (called again for the repeat after a 401).</summary>
    public async Task<XeroAnswer> SendAsync(string integration, XeroSettings settings, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var token = await tokens.GetAsync(integration, settings, cancellationToken);
        if (token.Failure is not null)
        {
            return XeroAnswer.Failed(token.Failure);
        }

        var answer = await SendOnceAsync(settings, token.AccessToken!, build, cancellationToken);
        if (answer.Status != 401)
        {
            return answer;
        }

        var refreshed = await tokens.RefreshAsync(integration, settings, token.Version, cancellationToken);
        return refreshed.Failure is not null
            ? XeroAnswer.Failed(refreshed.Failure)
            : await SendOnceAsync(settings, refreshed.AccessToken!, build, cancellationToken);
    }

    private async Task<XeroAnswer> SendOnceAsync(XeroSettings settings, string accessToken, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        using var message = build();
        message.Headers.TryAddWithoutValidation(TenantHeader, settings.TenantId);
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        using var response = await services.Http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await ResponseBody.ReadAsync(response.Content, cancellationToken);
        return new XeroAnswer
        {
            Status = (int)response.StatusCode,
            Body = body,
            RetryAfter = ResponseBody.RetryAfter(response, services.Time.GetUtcNow()),
            RateLimitProblem = response.Headers.NonValidated.TryGetValues("X-Rate-Limit-Problem", out var problem) ? problem.ToString() : null,
        };
    }
}
