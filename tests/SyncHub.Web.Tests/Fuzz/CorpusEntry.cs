using System.Net.Http.Headers;

namespace SyncHub.Web.Tests.Fuzz;

/// <summary>One raw request body of the ingest corpus with the answer it must get.</summary>
internal sealed record CorpusEntry(
    string Name, bool Batch, bool UnknownIntegration, string? ContentType, CorpusExpectation Expected, string Tries, byte[] Body)
{
    public const string JsonType = "application/json";

    public string Slug => "fz-" + Name;

    public string Url => $"/api/v1/integrations/{Slug}/{(Batch ? "records:batch" : "records")}";

    public HttpRequestMessage ToRequest()
    {
        var content = new ByteArrayContent(Body);
        if (ContentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(ContentType);
        }

        return new HttpRequestMessage(HttpMethod.Post, Url) { Content = content };
    }

    public override string ToString() => $"{Name}: {Tries}";
}
