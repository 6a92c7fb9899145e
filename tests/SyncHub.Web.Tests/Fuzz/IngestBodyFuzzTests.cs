using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;
using SyncHub.TestUtils;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Fuzz;

/// <summary>
/// Every body of <c>Fuzz/Corpus/ingest-bodies.txt</c> against the ingest endpoints: the answer the corpus
/// names, never a 5xx, a 400 that names the field, and no record written unless the whole body was accepted.
/// </summary>
public sealed partial class IngestBodyFuzzTests(SyncHubWebFactory factory) : IClassFixture<SyncHubWebFactory>
{
    public static TheoryData<string> Entries => IngestCorpus.Names();

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Post_CorpusBody_AnswersAsTheCorpusSaysAndWritesAllOrNothing(string name)
    {
        var entry = IngestCorpus.Entries[name];
        using var api = factory.CreateApiClient();
        if (!entry.UnknownIntegration)
        {
            await api.CreateIntegrationAsync(entry.Slug);
            (await api.PendingRecordsAsync(entry.Slug)).ShouldBeEmpty();
        }

        using var request = entry.ToRequest();
        using var response = await api.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeLessThan(500, $"{entry}\n{body}");
        ((int)response.StatusCode).ShouldBe(entry.Expected.Status, $"{entry}\n{body}");
        switch (entry.Expected.Status)
        {
            case 202:
                await ShouldHaveWrittenExactlyAsync(api, entry, await response.ReadJsonAsync());
                break;
            case 400:
                ShouldNameTheFields(entry, response, body);
                (await api.PendingRecordsAsync(entry.Slug)).ShouldBeEmpty($"{entry} was refused but wrote records");
                break;
            case 404:
                await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
                using (var integration = await api.GetAsync($"/api/v1/integrations/{entry.Slug}"))
                {
                    integration.StatusCode.ShouldBe(HttpStatusCode.NotFound, "ingesting for an unknown slug created it");
                }

                break;
            default:
                await response.ShouldBeProblemAsync(response.StatusCode);
                (await api.PendingRecordsAsync(entry.Slug)).ShouldBeEmpty($"{entry} was refused but wrote records");
                break;
        }
    }

    [Fact]
    public void Corpus_Entries_CoverBothEndpointsAndEveryAnswer()
    {
        var entries = IngestCorpus.Entries.Values.ToList();

        entries.Count.ShouldBeGreaterThan(100);
        entries.Where(e => e.Batch).Select(e => e.Expected.Status).Distinct().Order().ShouldBe([202, 400, 404, 415]);
        entries.Where(e => !e.Batch).Select(e => e.Expected.Status).Distinct().Order().ShouldBe([202, 400, 404, 415]);
    }

    private static void ShouldNameTheFields(CorpusEntry entry, HttpResponseMessage response, string body)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        using var document = JsonDocument.Parse(body);
        document.RootElement.GetProperty("status").GetInt32().ShouldBe(400, body);
        document.RootElement.TryGetProperty("errors", out var errors).ShouldBeTrue(
            $"{entry}: a 400 without 'errors' is how an unhandled exception on a POST answers (see UnhandledErrorTests)\n{body}");
        var keys = errors.EnumerateObject().Select(e => e.Name).ToList();
        keys.ShouldNotBeEmpty(body);
        var fieldPattern = entry.Batch ? BatchField() : RecordField();
        keys.ShouldAllBe(key => key == "body" || fieldPattern.IsMatch(key), $"{entry}: every error key should name a request field\n{body}");
        foreach (var field in entry.Expected.Fields)
        {
            keys.ShouldContain(
                key => key == field || key.StartsWith(field + ".", StringComparison.Ordinal) || key.StartsWith(field + "[", StringComparison.Ordinal),
                $"{entry}: expected an error for '{field}'\n{body}");
        }
    }

    private static async Task ShouldHaveWrittenExactlyAsync(HttpClient api, CorpusEntry entry, JsonElement answer)
    {
        var sent = SentRecords(entry);
        var items = entry.Batch ? [.. answer.GetProperty("items").EnumerateArray()] : new[] { answer };
        items.Length.ShouldBe(entry.Expected.Created, entry.ToString());
        items.ShouldAllBe(item => item.GetProperty("created").GetBoolean() && item.GetProperty("status").GetString() == "pending");
        var pending = await api.PendingRecordsAsync(entry.Slug);
        pending.Select(r => r.GetProperty("id").GetInt64()).Order().ShouldBe(items.Select(i => i.GetProperty("id").GetInt64()).Order());
        pending.Select(NaturalKey).Order().ShouldBe(sent.Select(NaturalKey).Order(), "the stored records are not the ones sent");
        var first = await api.GetJsonAsync($"/api/v1/records/{items[0].GetProperty("id").GetInt64()}");
        NaturalKey(first).ShouldBe(NaturalKey(sent[0]));
        JsonElement.DeepEquals(first.GetProperty("payload"), sent[0].GetProperty("payload"))
            .ShouldBeTrue($"stored payload {first.GetProperty("payload")} is not the one sent");
    }

    /// <summary>The records of the body as a conforming reader sees them (a BOM skipped, the last of repeated properties).</summary>
    private static List<JsonElement> SentRecords(CorpusEntry entry)
    {
        using var document = JsonDocument.Parse(new MemoryStream(entry.Body));
        var records = entry.Batch ? document.RootElement.GetProperty("records").EnumerateArray().ToList() : [document.RootElement];
        return [.. records.Select(r => r.Clone())];
    }

    private static (string? EntityType, string? SourceId) NaturalKey(JsonElement record) =>
        (record.GetProperty("entityType").GetString(), record.GetProperty("sourceId").GetString());

    [GeneratedRegex(@"^(entityType|sourceId|payload)([.\[].*)?$")]
    private static partial Regex RecordField();

    [GeneratedRegex(@"^records(\[\d+\](\.(entityType|sourceId|payload)([.\[].*)?)?)?$")]
    private static partial Regex BatchField();
}
