namespace SyncHub.Specs;

/// <summary>An answer a test scripts for an operation: status, JSON body, headers, and optionally when to send it.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body (JSON unless a Content-Type header says otherwise); null sends none.</param>
public sealed record ScriptedResponse(int Status, string? Body = null)
{
    /// <summary>Extra response headers, for example <c>Retry-After</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// When set, the answer waits for this task (a <see cref="TaskCompletionSource"/> the test completes) or for the
    /// client to give up, whichever comes first: a slow destination without sleeping.
    /// </summary>
    public Task? WaitFor { get; init; }

    /// <summary>A JSON answer.</summary>
    public static ScriptedResponse Json(int status, string body) => new(status, body);

    /// <summary>The same answer with one more header.</summary>
    public ScriptedResponse WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers, StringComparer.OrdinalIgnoreCase) { [name] = value } };

    /// <summary>The same answer, sent only once <paramref name="gate"/> completes.</summary>
    public ScriptedResponse After(Task gate) => this with { WaitFor = gate };
}
