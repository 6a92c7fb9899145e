using System.Text.Json.Nodes;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Square;

/// <summary>
/// Turns a refused call into an outcome. Square answers <c>{"errors": [{"category", "code", "detail", "field"}]}</c>;
/// a 400 whose errors name fields becomes <see cref="DeliveryOutcome.Invalid"/> with one problem per field, anything
/// else is classified by status (401 authentication, 429 rate-limited with Retry-After, 5xx server or transient).
/// </summary>
internal static class SquareErrors
{
    public static DeliveryOutcome ToOutcome(SquareResponse response, string doing)
    {
        var errors = Errors(response.Json);
        var message = Message(response, doing, errors);
        var problems = errors.Where(e => e.Field is not null)
            .Select(e => new FieldProblem(UntrustedText.OneLine(e.Field, 100), UntrustedText.OneLine(e.Detail ?? e.Code ?? "Refused by Square.")))
            .ToList();
        return response.Status is 400 or 422 && problems.Count > 0
            ? DeliveryOutcome.Invalid(message, problems, response.Status)
            : DeliveryOutcome.FromHttpStatus(response.Status, message, response.RetryAfter);
    }

    /// <summary>"Square refused to create the customer (HTTP 400): INVALID_EMAIL_ADDRESS email_address: …", cut to 500 characters.</summary>
    public static string Message(SquareResponse response, string doing, IReadOnlyList<SquareError>? errors = null)
    {
        errors ??= Errors(response.Json);
        var details = errors.Count > 0
            ? string.Join("; ", errors.Select(e => string.Join(' ', new[] { e.Code, e.Field, e.Detail }.Where(t => !string.IsNullOrEmpty(t)))))
            : response.Text;
        var text = $"Square refused to {doing} (HTTP {response.Status})";
        return UntrustedText.OneLine(string.IsNullOrWhiteSpace(details) ? text : $"{text}: {details}");
    }

    private static List<SquareError> Errors(JsonNode? json)
    {
        if (json?["errors"] is not JsonArray errors)
        {
            return [];
        }

        return [.. errors.OfType<JsonObject>().Select(e => new SquareError(Text(e, "category"), Text(e, "code"), Text(e, "detail"), Text(e, "field")))];
    }

    private static string? Text(JsonObject error, string name) =>
        error[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
