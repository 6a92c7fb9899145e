using SyncHub.Core.Validation;

namespace SyncHub.Web.Pages.Integrations;

/// <summary>Validation messages by the API-style key of their field, each a sentence that names the field.</summary>
public sealed class FormErrors
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["name"] = "Name",
        ["slug"] = "Slug",
        ["connector"] = "Connector",
        ["retry.baseDelaySeconds"] = "Base delay",
        ["retry.factor"] = "Backoff factor",
        ["retry.maxDelaySeconds"] = "Maximum delay",
        ["retry.maxAutomaticAttempts"] = "Automatic attempts",
        ["autoFixes"] = "Automatic fixes",
        ["template"] = "Default template",
        ["mappingDefaults"] = "Field defaults",
    };

    private readonly Dictionary<string, List<string>> _messages = new(StringComparer.Ordinal);

    public static FormErrors None => new();

    public bool IsEmpty => _messages.Count == 0;

    public IEnumerable<string> All => _messages.Values.SelectMany(m => m);

    public IReadOnlyList<string> For(string key) => _messages.TryGetValue(key, out var messages) ? messages : [];

    public void Add(string key, string message)
    {
        if (!_messages.TryGetValue(key, out var messages))
        {
            _messages[key] = messages = [];
        }

        messages.Add(Sentence(key, message));
    }

    public void AddAll(FieldErrors? errors)
    {
        foreach (var (key, messages) in errors?.ToDictionary() ?? [])
        {
            foreach (var message in messages)
            {
                Add(key, message);
            }
        }
    }

    /// <summary>"is required." about <c>name</c> becomes "Name is required."; messages that start with a capital already name their field.</summary>
    private static string Sentence(string key, string message)
    {
        if (message.Length > 0 && char.IsUpper(message[0]))
        {
            return message;
        }

        var label = Labels.TryGetValue(key, out var known) ? known
            : key.StartsWith("templates.", StringComparison.Ordinal) ? $"Template for {key["templates.".Length..]}"
            : key;
        return $"{label} {message}";
    }
}
