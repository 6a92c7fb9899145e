namespace SyncHub.Connectors.Tests.Xero;

/// <summary>A request the fake Xero received. Header values repeated on the wire are comma-joined.</summary>
internal sealed record SentRequest(string Method, Uri Url, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public bool IsTokenCall => Url.AbsoluteUri.StartsWith(FakeXero.TokenUrl, StringComparison.Ordinal);

    public string PathAndQuery => Url.PathAndQuery;
}
