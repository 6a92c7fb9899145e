using SyncHub.Connectors;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>One executing run's state: what it reads, through which gateway, and how far it got.</summary>
internal sealed class RunContext(SyncRun run, Integration integration, IConnectorSource source, ICredentialRefresh? refresher, ConnectorSettings settings)
{
    public SyncRun Run { get; } = run;

    public Integration Integration { get; } = integration;

    public IConnectorSource Source { get; } = source;

    public ICredentialRefresh? Refresher { get; } = refresher;

    public ConnectorSettings Settings { get; } = settings;

    public DateTimeOffset? WindowFrom { get; init; }

    public DateTimeOffset? WindowTo { get; init; }

    /// <summary>Credentials are refreshed at most once per run.</summary>
    public bool Refreshed { get; set; }

    /// <summary>1-based number of the page being processed, and how many records were read before it.</summary>
    public int Page { get; set; }

    public int RecordsRead { get; set; }

    /// <summary>What the run was doing, for the note when it times out.</summary>
    public string InFlight { get; set; } = "starting";

    public List<string> Notes { get; } = [];

    /// <summary>Changed records another worker was sending; their new versions go out when it finishes.</summary>
    public int HandedOver { get; set; }
}
