using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SyncHub.Web.Tests.Fuzz;

/// <summary>
/// Reads <c>Fuzz/Corpus/ingest-bodies.txt</c> (copied beside the test assembly). Its header explains the format;
/// big and binary bodies are written as placeholders there and expanded here.
/// </summary>
internal static partial class IngestCorpus
{
    private const string Header = "###";

    private static readonly Lazy<IReadOnlyDictionary<string, CorpusEntry>> Loaded = new(Load);

    public static IReadOnlyDictionary<string, CorpusEntry> Entries => Loaded.Value;

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in Entries.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    private static Dictionary<string, CorpusEntry> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fuzz", "Corpus", "ingest-bodies.txt");
        var lines = File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n").Split('\n');
        var entries = new Dictionary<string, CorpusEntry>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith(Header, StringComparison.Ordinal))
            {
                continue;
            }

            var end = Array.FindIndex(lines, i + 1, l => l.StartsWith(Header, StringComparison.Ordinal));
            var body = string.Join('\n', lines[(i + 1)..(end < 0 ? lines.Length : end)]).TrimEnd('\n');
            var entry = Parse(lines[i], body, i + 1);
            if (!entries.TryAdd(entry.Name, entry))
            {
                throw new FormatException($"{path}:{i + 1}: the name '{entry.Name}' is used twice.");
            }
        }

        return entries;
    }

    // ### name | endpoint [unknown-integration] [type=<media type>|type=none] | expectation | what it tries
    private static CorpusEntry Parse(string header, string body, int line)
    {
        var columns = header[Header.Length..].Split('|', StringSplitOptions.TrimEntries);
        if (columns.Length != 4 || !NamePattern().IsMatch(columns[0]))
        {
            throw new FormatException($"ingest-bodies.txt:{line}: expected '### kebab-name | endpoint | expectation | what it tries'.");
        }

        var request = columns[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var batch = request[0] switch
        {
            "records" => false,
            "batch" => true,
            _ => throw new FormatException($"ingest-bodies.txt:{line}: endpoint must be 'records' or 'batch'."),
        };
        var contentType = request.FirstOrDefault(o => o.StartsWith("type=", StringComparison.Ordinal)) is { } type
            ? (type == "type=none" ? null : type["type=".Length..])
            : CorpusEntry.JsonType;
        return new CorpusEntry(
            columns[0], batch, request.Contains("unknown-integration"), contentType,
            CorpusExpectation.Parse(columns[2]), columns[3], Expand(body));
    }

    /// <summary>Turns the body's text into bytes, replacing each placeholder.</summary>
    public static byte[] Expand(string body)
    {
        using var bytes = new MemoryStream();
        var at = 0;
        foreach (Match match in Placeholder().Matches(body))
        {
            bytes.Write(Encoding.UTF8.GetBytes(body[at..match.Index]));
            bytes.Write(ExpandOne(match));
            at = match.Index + match.Length;
        }

        bytes.Write(Encoding.UTF8.GetBytes(body[at..]));
        return bytes.ToArray();
    }

    private static byte[] ExpandOne(Match match)
    {
        if (match.Groups["bytes"].Success)
        {
            return Convert.FromHexString(match.Groups["bytes"].Value.Replace(" ", "", StringComparison.Ordinal));
        }

        var text = match.Groups["char"].Success ? new string(match.Groups["char"].Value[0], Count(match, "times"))
            : match.Groups["nest"].Success ? Nested(Count(match, "nest"))
            : Records(Count(match, "records"));
        return Encoding.UTF8.GetBytes(text);
    }

    private static int Count(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    /// <summary>An object <paramref name="levels"/> deep: 1 is <c>{}</c>, 2 is <c>{"a":{}}</c>.</summary>
    private static string Nested(int levels) =>
        string.Concat(Enumerable.Repeat("{\"a\":", levels - 1)) + "{}" + new string('}', levels - 1);

    private static string Records(int count) => string.Join(",", Enumerable.Range(0, count).Select(i =>
        $$$"""{"entityType": "invoice", "sourceId": "FZ-{{{i}}}", "payload": {"n": {{{i}}}}}"""));

    [GeneratedRegex(@"\{\{(?:(?<char>.)\*(?<times>\d+)|nest:(?<nest>\d+)|bytes:(?<bytes>[0-9A-Fa-f ]+)|records:(?<records>\d+))\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,58}$")]
    private static partial Regex NamePattern();
}
