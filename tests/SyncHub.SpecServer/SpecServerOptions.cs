namespace SyncHub.Specs;

/// <summary>How strict a <see cref="SpecServer"/> is beyond what the spec itself demands.</summary>
public sealed record SpecServerOptions
{
    /// <summary>
    /// Headers every request must carry although the spec does not mark them required, for example Square's
    /// <c>Square-Version</c>, which the spec only lists as an extension of its security scheme.
    /// </summary>
    public IReadOnlyList<string> RequiredHeaders { get; init; } = [];

    /// <summary>
    /// Refuse request body properties the schema does not declare, even where the spec leaves objects open. Real APIs
    /// usually drop unknown fields silently, so a misspelt field name is data lost without an error.
    /// </summary>
    public bool RejectUnknownProperties { get; init; }

    /// <summary>Also check scripted 2xx answers against the operation's response schema (a script that lies is a violation).</summary>
    public bool ValidateScriptedResponses { get; init; } = true;

    /// <summary>
    /// The OAuth scopes the credentials hold; null does not check scopes. A conforming request to an operation whose
    /// security asks for scopes not granted is answered <see cref="ScopeRefusal"/> (the provider refusing, not a violation).
    /// </summary>
    public IReadOnlyCollection<string>? GrantedScopes { get; init; }

    /// <summary>The answer to a request whose operation needs scopes not granted, given the missing ones; by default a 403.</summary>
    public Func<IReadOnlyList<string>, ScriptedResponse>? ScopeRefusal { get; init; }
}
