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

    /// <summary>
    /// A JSON object or array (for example extra request headers), entered as JSON text. Declare a structured setting
    /// with this kind rather than leaving it undeclared: SyncHub refuses settings a connector does not declare.
    /// </summary>
    Json = 4,

    /// <summary>An absolute path on the SyncHub server, such as <c>/var/lib/synchub/drop</c>; relative paths and <c>..</c> segments are refused.</summary>
    AbsolutePath = 5,
}
