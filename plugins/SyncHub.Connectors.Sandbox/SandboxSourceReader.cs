namespace SyncHub.Connectors.Sandbox;

/// <summary>The sandbox as a source: a deterministic stream of records that appear as time passes, failing on its script.</summary>
internal sealed class SandboxSourceReader(ConnectorServices services)
{
    private readonly SourceScript _script = new();

    public SourcePage Read(SourceQuery query)
    {
        if (!SandboxSourceSettings.TryParse(query.Settings, out var settings, out var error))
        {
            return SourcePage.Failed(ErrorClass.ConnectorFault, error);
        }

        var fault = _script.Next(query.IntegrationSlug, settings.Faults, settings.FaultsText);
        if (fault is not null && !SandboxFaults.IsDelivery(fault))
        {
            var outcome = SandboxFaults.ToOutcome(fault, TimeSpan.FromSeconds(query.Settings.GetDouble("retryAfterSeconds", 30)));
            return SourcePage.Failed(outcome.ErrorClass, outcome.Message!, outcome.HttpStatus, outcome.RetryAfter);
        }

        return SandboxSource.Read(settings, query, services.Time.GetUtcNow());
    }
}
