using System.Text.Json;
using SyncHub.Connectors;
using SyncHub.Core.Records;
using SyncHub.Core.Validation;

namespace SyncHub.Core.Runs;

/// <summary>Whether a record a source sent has the shape SyncHub expects: an entity type, a source id and a JSON object.</summary>
internal static class SourceRecordShape
{
    /// <summary>Null when the record has the shape SyncHub expects, otherwise what is wrong with it.</summary>
    public static string? Check(SourceRecord source)
    {
        var errors = new FieldErrors();
        TextRules.Identifier(errors, "entityType", source.EntityType);
        TextRules.Required(errors, "sourceId", source.SourceId, 200);
        if (!errors.IsEmpty)
        {
            return errors.ToString();
        }

        try
        {
            using var document = JsonDocument.Parse(source.Payload, new JsonDocumentOptions { MaxDepth = PayloadText.MaxDepth + 1 });
            return document.RootElement.ValueKind != JsonValueKind.Object
                ? $"The source sent a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()} where a record (a JSON object) was expected."
                : PayloadText.Check(document.RootElement) is { } problem ? "payload " + problem : null;
        }
        catch (JsonException ex)
        {
            return "The source sent a payload that is not JSON: " + ex.Message;
        }
    }
}
