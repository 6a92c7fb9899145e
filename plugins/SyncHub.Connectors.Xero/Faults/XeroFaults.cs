using System.Text.Json;
using System.Text.RegularExpressions;
using SyncHub.Connectors;
using SyncHub.Connectors.Xero.Http;
using SyncHub.Connectors.Xero.Payloads;

namespace SyncHub.Connectors.Xero.Faults;

/// <summary>Turns an answer Xero gave instead of a success into SyncHub's terms.</summary>
internal static partial class XeroFaults
{
    public static XeroFailure Classify(XeroAnswer answer, XeroEntity? entity, DateTimeOffset now)
    {
        if (answer.Failure is not null)
        {
            return answer.Failure;
        }

        return answer.Status switch
        {
            429 => RateLimitFailure.From(answer, now),
            400 => Validation(answer.Body, entity),
            401 => new XeroFailure(ErrorClass.Authentication,
                "Xero refused the access token even after refreshing it; re-authorise the connection to Xero.", 401),
            403 => new XeroFailure(ErrorClass.Authorization,
                $"Xero refused access to the organisation: check the tenantId and that the connection was granted the accounting scopes ({XeroText.Describe(answer.Body)}).", 403),
            404 => new XeroFailure(ErrorClass.NotFound, $"Xero answered 404 Not Found: {XeroText.Describe(answer.Body)}", 404),
            _ => new XeroFailure(HttpErrorClassifier.Classify(answer.Status), $"Xero answered HTTP {answer.Status}: {XeroText.Describe(answer.Body)}",
                answer.Status, answer.RetryAfter),
        };
    }

    /// <summary>The problems reported on a created item, when Xero answered 200 but refused it (summarizeErrors=false).</summary>
    public static XeroFailure? RefusedItem(JsonElement item, XeroEntity entity, int status)
    {
        var problems = ValidationReader.FromItem(item, entity, 0);
        // Invoices flag refusals with HasErrors, contacts and payments with HasValidationErrors.
        var hasErrors = new[] { "HasErrors", "HasValidationErrors" }
            .Any(name => item.TryGetProperty(name, out var flag) && flag.ValueKind == JsonValueKind.True);
        if (problems.Count == 0 && !hasErrors)
        {
            return null;
        }

        return FromProblems(problems, entity, $"Xero refused the {entity.Label}.", status);
    }

    private static XeroFailure Validation(byte[] body, XeroEntity? entity)
    {
        var summary = XeroText.Describe(body);
        if (entity is null)
        {
            return new XeroFailure(ErrorClass.Validation, $"Xero refused the request: {summary}", 400);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var problems = ValidationReader.FromError(document.RootElement, entity);
            return FromProblems(problems, entity, summary, 400);
        }
        catch (JsonException)
        {
            return FromProblems([], entity, summary, 400);
        }
    }

    private static XeroFailure FromProblems(List<FieldProblem> problems, XeroEntity entity, string summary, int status)
    {
        if (problems.FirstOrDefault(problem => IsDuplicate(problem.Message)) is { } duplicate)
        {
            return new XeroFailure(ErrorClass.Duplicate, $"Xero already has this {entity.Label}: {duplicate.Message}", status);
        }

        if (problems.Count == 0)
        {
            return IsDuplicate(summary)
                ? new XeroFailure(ErrorClass.Duplicate, $"Xero already has this {entity.Label}: {summary}", status)
                : new XeroFailure(ErrorClass.Validation, $"Xero refused the {entity.Label}: {summary}", status);
        }

        var first = problems[0];
        var message = problems.Count == 1 ? $"Xero refused the {entity.Label}: {first.Message}" : $"Xero refused the {entity.Label}: {first.Message} (and {problems.Count - 1} more)";
        return new XeroFailure(ErrorClass.Validation, UntrustedText.OneLine(message), status) { FieldProblems = problems };
    }

    private static bool IsDuplicate(string message) => Duplicate().IsMatch(message);

    [GeneratedRegex(@"already assigned to another|already exists|already been (used|entered)|must be unique|\bduplicate", RegexOptions.IgnoreCase)]
    private static partial Regex Duplicate();
}
