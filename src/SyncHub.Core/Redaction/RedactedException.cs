namespace SyncHub.Core.Redaction;

/// <summary>
/// An exception a connector let escape, for the log: its message, inner exceptions and stack trace as text with
/// credentials cut out, because an exception's message may quote what the destination answered.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _text;

    public RedactedException(Exception original, ProviderTextRedactor redactor)
        : base(redactor.Redact(original.Message))
    {
        _text = redactor.Redact(original.ToString());
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
    }

    /// <summary>The type of the exception the connector threw.</summary>
    public string OriginalType { get; }

    public override string? StackTrace => null;

    public override string ToString() => _text;
}
