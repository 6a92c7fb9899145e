namespace SyncHub.Connectors;

/// <summary>
/// One setting a connector needs, as the connection form shows it. SyncHub validates required fields and
/// kinds before saving, refuses settings no field declares, never renders a <see cref="Secret"/> value back into a
/// page, and removes secret values from every text a connector or its destination returns before storing it.
/// </summary>
/// <param name="Name">The JSON property name in the integration's settings, for example <c>clientSecret</c>.</param>
/// <param name="Label">What the form calls it.</param>
public sealed record SettingField(string Name, string Label)
{
    /// <summary>How the value is entered and validated.</summary>
    public SettingKind Kind { get; init; } = SettingKind.Text;

    /// <summary>The connection cannot work without it.</summary>
    public bool Required { get; init; }

    /// <summary>
    /// A credential: encrypted at rest like every setting, never shown again once saved, and cut out of provider
    /// messages (for a <see cref="SettingKind.Json"/> setting, every string in it).
    /// </summary>
    public bool Secret { get; init; }

    /// <summary>One sentence of help under the field.</summary>
    public string? Help { get; init; }

    /// <summary>The value a new integration starts with.</summary>
    public string? Default { get; init; }
}
