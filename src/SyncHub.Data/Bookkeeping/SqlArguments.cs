using System.Globalization;

namespace SyncHub.Data.Bookkeeping;

/// <summary>The parameters of a hand-written statement: each value added returns its EF placeholder (<c>{n}</c>).</summary>
public sealed class SqlArguments
{
    private readonly List<object> _values = [];

    public IReadOnlyList<object> Values => _values;

    public string Add(object value)
    {
        _values.Add(value);
        return string.Create(CultureInfo.InvariantCulture, $"{{{_values.Count - 1}}}");
    }
}
