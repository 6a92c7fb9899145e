using Microsoft.Extensions.Logging;
using Polly.Timeout;
using SyncHub.Connectors;
using SyncHub.Core.Pacing;
using SyncHub.Core.Plugins;
using SyncHub.Core.Redaction;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

/// <summary>
/// The boundary with plugin code: calls the gateway through the integration's pipeline and turns every
/// exception a connector lets escape into a classified outcome, so one bad record never fails a batch. Every text
/// that comes back (messages, notes, field problems, candidates, exception messages) leaves here with the
/// integration's secrets and anything shaped like a credential cut out, before it is stored, shown, logged or sent.
/// </summary>
public sealed partial class GatewayInvoker(
    IConnectorCatalog catalog, DeliveryPipelineProvider pipelines, RatePacer pacer, LookupFirstTry lookupFirst, ConnectorFaults faults, TimeProvider time,
    ILogger<GatewayInvoker> logger)
{
    /// <param name="linkTo">An administrator chose this destination record as the record's copy: link instead of create.</param>
    internal async Task<DeliveryOutcome> InvokeAsync(Integration integration, DeliveryRequest request, ResendGuard guard, CancellationToken cancellationToken, string? linkTo = null)
    {
        var gateway = catalog.Find(integration.Connector);
        if (gateway is null)
        {
            return DeliveryOutcome.Failed(ErrorClass.ConnectorFault, $"Connector '{integration.Connector}' is not loaded; see Plugins on the dashboard.");
        }

        try
        {
            using var lease = await pacer.AcquireAsync(gateway.Info.Name, integration.Slug, integration.Id, gateway.Info.RateLimits, request.Settings, cancellationToken);
            if (lease.RefusedUntil is { } resumes)
            {
                // Only a call that raced the last slot of the day lands here; it was not sent.
                return DeliveryOutcome.Failed(ErrorClass.RateLimited, $"Not sent: the daily call limit of {gateway.Info.RateLimits!.PerDay:N0} is spent until {resumes:yyyy-MM-dd HH:mm} UTC.", retryAfter: resumes - time.GetUtcNow());
            }

            var outcome = await pipelines.For(integration.Slug).ExecuteAsync(
                static async (state, token) => state.linkTo is null
                    ? await state.lookupFirst.DeliverAsync(state.gateway, state.request, state.guard, token)
                    : await LinkOnceAsync(state.gateway, state.request, state.linkTo, token),
                (lookupFirst, gateway, request, guard, linkTo),
                cancellationToken);
            if (outcome is null)
            {
                faults.Failed(integration.Connector, "it returned no outcome");
                return DeliveryOutcome.Failed(ErrorClass.ConnectorFault, $"Connector '{integration.Connector}' returned no outcome.");
            }

            faults.Answered(integration.Connector);
            return Redactor(gateway, request).Redact(outcome);
        }
        catch (TimeoutRejectedException ex)
        {
            return DeliveryOutcome.Failed(ErrorClass.Transient, $"Timed out: no answer within {ex.Timeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            return DeliveryOutcome.Failed(ErrorClass.Transient, "Connection failed: " + Redactor(gateway, request).Redact(ex.Message), (int?)ex.StatusCode);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryOutcome.Failed(ErrorClass.Transient, "Timed out: the call was cancelled before an answer arrived.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var redactor = Redactor(gateway, request);
            LogConnectorThrew(new RedactedException(ex, redactor), integration.Connector, request.RecordId, integration.Slug);
            var error = $"{ex.GetType().Name}: {redactor.Redact(ex.Message)}";
            faults.Failed(integration.Connector, error);
            return DeliveryOutcome.Failed(ErrorClass.ConnectorFault, "The connector failed: " + error);
        }
    }

    private static async Task<DeliveryOutcome> LinkOnceAsync(IConnectorGateway gateway, DeliveryRequest request, string externalId, CancellationToken cancellationToken) =>
        gateway is IDuplicateResolver resolver
            ? await resolver.LinkAsync(request, externalId, cancellationToken)
            : DeliveryOutcome.Failed(ErrorClass.ConnectorFault, $"Connector '{gateway.Info.Name}' cannot link records to existing ones.");

    /// <summary>Cuts this integration's secret settings, and credential shapes, out of what the connector answered.</summary>
    private static ProviderTextRedactor Redactor(IConnectorGateway gateway, DeliveryRequest request) =>
        ProviderTextRedactor.For(gateway.Info.Settings, request.Settings);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Connector} threw while delivering record {RecordId} of {Integration}")]
    private partial void LogConnectorThrew(Exception exception, string connector, long recordId, string integration);
}
