namespace SyncHub.Core.Demo;

/// <summary>Demo data (<c>SyncHub:Demo</c>): two sandbox integrations and a trickle of records.</summary>
public sealed class DemoOptions
{
    public const string Section = "SyncHub:Demo";

    public bool Enabled { get; set; } = true;

    /// <summary>Records created at first start.</summary>
    public int InitialRecords { get; set; } = 40;

    /// <summary>The trickle stops once the demo has made this many records.</summary>
    public int MaxRecords { get; set; } = 2000;
}
