using System.Collections.Concurrent;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace SyncHub.Specs;

/// <summary>
/// An OpenAPI 3 spec (JSON or YAML, <c>$ref</c>s resolved), parsed once per process and shared: the Xero spec
/// alone takes seconds to read.
/// </summary>
public sealed class OpenApiSpec
{
    private static readonly ConcurrentDictionary<string, Lazy<OpenApiSpec>> Cache = new(StringComparer.Ordinal);

    private OpenApiSpec(string path, OpenApiDocument document)
    {
        Path = path;
        Document = document;
        BasePath = BasePathOf(document);
        Operations = [.. document.Paths.SelectMany(item => (item.Value.Operations ?? []).Select(op =>
            new SpecOperation(op.Key.Method.ToUpperInvariant(), item.Key, op.Value, item.Value.Parameters ?? [], document.Security ?? [])))];
    }

    /// <summary>Where the spec was read from.</summary>
    public string Path { get; }

    /// <summary>The parsed document.</summary>
    public OpenApiDocument Document { get; }

    /// <summary>The path of the spec's first server URL, for example <c>/api.xro/2.0</c>; empty when it has none.</summary>
    public string BasePath { get; }

    /// <summary>Every operation of the spec.</summary>
    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>Loads a spec by file name (see <see cref="SpecFiles.Locate"/>) or full path, once per process.</summary>
    public static OpenApiSpec Load(string fileName)
    {
        var path = SpecFiles.Locate(fileName);
        return Cache.GetOrAdd(path, p => new Lazy<OpenApiSpec>(() => Read(p))).Value;
    }

    /// <summary>The operation for a method and path template exactly as the spec writes them.</summary>
    public SpecOperation Operation(string method, string pathTemplate) =>
        Operations.FirstOrDefault(o => o.Method.Equals(method, StringComparison.OrdinalIgnoreCase) && o.PathTemplate == pathTemplate)
        ?? throw new ArgumentException($"The spec has no operation {method.ToUpperInvariant()} {pathTemplate}.", nameof(pathTemplate));

    /// <summary>The most specific operations whose template matches <paramref name="path"/> (relative to the base path).</summary>
    internal IEnumerable<(SpecOperation Operation, Dictionary<string, string> PathValues)> Match(string path) =>
        Operations
            .Select(o => (Operation: o, PathValues: o.Template.Match(path)))
            .Where(m => m.PathValues is not null)
            .OrderByDescending(m => m.Operation.Template.LiteralLength)
            .Select(m => (m.Operation, m.PathValues!));

    private static OpenApiSpec Read(string path)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = new MemoryStream(File.ReadAllBytes(path));
        var format = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? OpenApiConstants.Json : OpenApiConstants.Yaml;
        var (document, diagnostic) = OpenApiDocument.Load(stream, format, settings);
        if (document?.Paths is null || document.Paths.Count == 0)
        {
            var errors = string.Join("; ", (diagnostic?.Errors ?? []).Take(5).Select(e => e.ToString()));
            throw new InvalidOperationException($"'{path}' is not a usable OpenAPI document: {errors}");
        }

        return new OpenApiSpec(path, document);
    }

    private static string BasePathOf(OpenApiDocument document)
    {
        var url = document.Servers?.FirstOrDefault()?.Url;
        if (string.IsNullOrWhiteSpace(url))
        {
            return "";
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.AbsolutePath : url;
        return path.TrimEnd('/');
    }
}
