using System.Text;
using System.Text.RegularExpressions;

namespace SyncHub.Specs;

/// <summary>A spec path such as <c>/v2/customers/{customer_id}</c>, matched against request paths.</summary>
internal sealed class PathTemplate
{
    private readonly Regex _regex;
    private readonly List<string> _names = [];

    public PathTemplate(string template)
    {
        Text = template;
        var pattern = new StringBuilder("^");
        foreach (var part in Regex.Split(template, @"(\{[^}/]+\})"))
        {
            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                _names.Add(part[1..^1]);
                pattern.Append("([^/]+)");
            }
            else
            {
                pattern.Append(Regex.Escape(part));
                LiteralLength += part.Length;
            }
        }

        _regex = new Regex(pattern.Append("/?$").ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Text { get; }

    /// <summary>How specific the template is: <c>/customers/search</c> wins over <c>/customers/{id}</c>.</summary>
    public int LiteralLength { get; }

    /// <summary>The path parameters when <paramref name="path"/> (relative to the base path) matches, else null.</summary>
    public Dictionary<string, string>? Match(string path)
    {
        var match = _regex.Match(path);
        if (!match.Success)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _names.Count; i++)
        {
            values[_names[i]] = Uri.UnescapeDataString(match.Groups[i + 1].Value);
        }

        return values;
    }
}
