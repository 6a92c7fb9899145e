namespace SyncHub.Core.Audit;

/// <summary>
/// Who did something, as the audit log, retry operations, runs and notes record it: a signed-in user's name, an API
/// key's name, or <see cref="System"/> for SyncHub's own work. A blank name falls back to a label that still says
/// which kind of caller it was.
/// </summary>
public sealed record Actor
{
    public const string SystemName = "system";
    public const string UnnamedUser = "unknown user";
    public const string UnnamedApiKey = "API key";

    private Actor(string name) => Name = name;

    public string Name { get; }

    public static Actor System { get; } = new(SystemName);

    public static Actor User(string? name) => new(string.IsNullOrWhiteSpace(name) ? UnnamedUser : name.Trim());

    public static Actor ApiKey(string? name) => new(string.IsNullOrWhiteSpace(name) ? UnnamedApiKey : name.Trim());

    public override string ToString() => Name;
}
