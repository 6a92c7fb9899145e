namespace SyncHub.Core.Mapping;

public sealed partial class RecordMapper
{
    /// <summary>
    /// Renders with the integration's defaults: missing or null fields take their default first. If the mapping
    /// still fails, it is tried once more with every defaulted field set to its default; a success then names
    /// the replaced fields, a failure is the first error.
    /// </summary>
    public MappingResult Render(string? template, string payloadJson, string entityType, string sourceId, MappingDefaults? defaults)
    {
        if (defaults is null)
        {
            return Render(template, payloadJson, entityType, sourceId);
        }

        var filled = defaults.FillMissing(payloadJson);
        var first = Render(template, filled, entityType, sourceId);
        if (first.Succeeded)
        {
            return first;
        }

        var replaced = new List<string>();
        var fallback = defaults.ReplaceAll(filled, replaced);
        if (replaced.Count == 0)
        {
            return first;
        }

        var second = Render(template, fallback, entityType, sourceId);
        return second.Succeeded ? second with { DefaultedFields = replaced, SourceValuesError = first.Error } : first;
    }
}
