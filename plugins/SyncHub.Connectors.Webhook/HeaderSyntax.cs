namespace SyncHub.Connectors.Webhook;

/// <summary>HTTP header name and value rules (RFC 9110), checked before a user-supplied header is sent.</summary>
internal static class HeaderSyntax
{
    private const string TokenSymbols = "!#$%&'*+-.^_`|~";

    public static bool IsToken(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || TokenSymbols.Contains(c, StringComparison.Ordinal));

    /// <summary>Visible ASCII, spaces and tabs only: no line breaks that could smuggle another header.</summary>
    public static bool IsValue(string value) =>
        value.All(c => c == '\t' || c is >= ' ' and <= '~');
}
