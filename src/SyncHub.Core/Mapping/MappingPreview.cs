using System.Text.Encodings.Web;
using System.Text.Json;
using SyncHub.Core.Integrations;
using SyncHub.Core.Validation;

namespace SyncHub.Core.Mapping;

/// <summary>Renders an unsaved template against a sample payload, for the mapping editor's preview.</summary>
public sealed class MappingPreview(RecordMapper mapper)
{
    public const int MaxSampleLength = 262_144;

    // Shown HTML-encoded by the page, so non-ASCII text can stay readable.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public MappingPreviewResult Render(string? template, string? defaultsJson, string? samplePayload, string entityType, string sourceId)
    {
        if (string.IsNullOrWhiteSpace(samplePayload))
        {
            return MappingPreviewResult.Failed(["Pick a record or paste a sample payload (JSON)."]);
        }

        if (samplePayload.Length > MaxSampleLength)
        {
            return MappingPreviewResult.Failed([$"The sample must be at most {MaxSampleLength:N0} characters."]);
        }

        try
        {
            using var _ = JsonDocument.Parse(samplePayload);
        }
        catch (JsonException ex)
        {
            return MappingPreviewResult.Failed(["The sample is not valid JSON: " + ex.Message]);
        }

        if (!string.IsNullOrWhiteSpace(template) && mapper.Validate(template) is { Count: > 0 } problems)
        {
            return MappingPreviewResult.Failed(problems);
        }

        var errors = new FieldErrors();
        var defaults = MappingDefaultsParser.Parse(errors, defaultsJson);
        if (!errors.IsEmpty)
        {
            return MappingPreviewResult.Failed(["Field defaults: " + errors]);
        }

        var result = mapper.Render(template, samplePayload, entityType, sourceId, MappingDefaults.Parse(defaults));
        return result.Succeeded
            ? MappingPreviewResult.Rendered(Indent(result.Body!), result.DefaultedFields)
            : MappingPreviewResult.Failed([result.Error!]);
    }

    private static string Indent(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, Indented);
    }
}
