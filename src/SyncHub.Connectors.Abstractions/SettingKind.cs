namespace SyncHub.Connectors;

/// <summary>How a setting is entered on the connection form.</summary>
public enum SettingKind
{
    /// <summary>One line of text.</summary>
    Text = 0,

    /// <summary>An absolute http or https URL.</summary>
    Url = 1,

    /// <summary>A number.</summary>
    Number = 2,

    /// <summary>A yes/no switch, stored as a JSON boolean.</summary>
    Boolean = 3,
}
