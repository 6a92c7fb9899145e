using Microsoft.Extensions.Logging;
using SyncHub.Core.Mapping;

namespace SyncHub.Core.Reconciliation;

/// <summary>
/// What the destination should hold for each source-side record: the payload rendered through the integration's
/// mapping (with its defaults), as a delivery would send it, then turned into the connector's comparable record.
/// </summary>
internal sealed partial class ReconcileExpectations(RecordMapper mapper, ILogger<ReconcileExpectations> logger)
{
    public Expectation For(ReconcileContext context, SourceItem item)
    {
        if (item.Problem is { } problem)
        {
            return new Expectation(item, null, null, problem);
        }

        var integration = context.Integration;
        var rendered = mapper.Render(MappingTemplates.For(integration, item.EntityType), item.Payload, item.EntityType, item.SourceId,
            MappingDefaults.Parse(integration.MappingDefaultsJson));
        if (!rendered.Succeeded)
        {
            return new Expectation(item, null, null, "Its mapping fails, so SyncHub cannot say what it would send: " + ReconcileText.Clip(rendered.Error, 300));
        }

        var subject = context.Subject(item.EntityType, item.SourceId, rendered.Body!, item.IdempotencyKey);
        try
        {
            return context.Reader.Expect(subject) is { } expected
                ? new Expectation(item, subject, expected, null)
                : new Expectation(item, subject, null, $"The '{integration.Connector}' connector does not hold '{ReconcileText.Clip(item.EntityType, 100)}' records.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogExpectThrew(ex, integration.Connector, integration.Slug);
            return new Expectation(item, subject, null, $"The connector failed to describe it: {ex.GetType().Name}: {ReconcileText.Clip(ex.Message, 200)}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Connector} threw describing a record of {Integration} for reconciliation")]
    private partial void LogExpectThrew(Exception exception, string connector, string integration);
}
