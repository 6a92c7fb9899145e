using SyncHub.Core.Alerts;

namespace SyncHub.Web.Pages.Alerts;

/// <summary>One rule's row in the rules table, as an administrator edits it.</summary>
public sealed class AlertRuleForm
{
    public string Rule { get; set; } = "";

    public bool Enabled { get; set; }

    public double Threshold { get; set; }

    public int WindowMinutes { get; set; }

    public AlertRuleSettingRequest ToRequest() => new(Rule, Enabled, Threshold, WindowMinutes);

    public static string FieldFor(string key) => key switch
    {
        "threshold" => nameof(Threshold),
        "windowMinutes" => nameof(WindowMinutes),
        _ => nameof(Rule),
    };
}
