using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SyncHub.Specs;

public sealed partial class SpecServer
{
    private async Task HandleAsync(HttpContext context)
    {
        var received = await ReadAsync(context.Request);
        var (request, operation, problems) = Check(received);
        _requests.Enqueue(request);
        if (problems.Count > 0)
        {
            _violations.Enqueue(new SpecViolation(request.Method, request.Path + request.Query, operation?.Id, problems));
            await WriteAsync(context.Response, ScriptedResponse.Json(400, JsonSerializer.Serialize(new { specViolation = problems })));
            return;
        }

        if (ScopeCheck.Missing(operation!, _options.GrantedScopes) is { Count: > 0 } missing)
        {
            await WriteAsync(context.Response, _options.ScopeRefusal?.Invoke(missing)
                ?? ScriptedResponse.Json(403, JsonSerializer.Serialize(new { insufficientScope = missing })));
            return;
        }

        ScriptedResponse answer;
        try
        {
            answer = _script.Next(operation!, request) ?? ExampleResponder.Answer(operation!);
        }
        catch (Exception ex)
        {
            _violations.Enqueue(new SpecViolation(request.Method, request.Path, operation!.Id, [$"the test's handler threw: {ex.Message}"]));
            answer = ScriptedResponse.Json(500, JsonSerializer.Serialize(new { handlerError = ex.Message }));
        }

        CheckAnswer(request, operation!, answer);
        if (answer.WaitFor is { } gate)
        {
            try
            {
                await gate.WaitAsync(context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await WriteAsync(context.Response, answer);
    }

    private (ReceivedRequest Request, SpecOperation? Operation, List<string> Problems) Check(ReceivedRequest received)
    {
        if (!received.Path.StartsWith(Spec.BasePath, StringComparison.Ordinal))
        {
            return (received, null, [$"the path is outside the spec's base path '{Spec.BasePath}'"]);
        }

        var relative = received.Path[Spec.BasePath.Length..];
        var matches = Spec.Match(relative).ToList();
        if (matches.Count == 0)
        {
            return (received, null, [$"no path in the spec matches '{relative}'"]);
        }

        var hit = matches.FirstOrDefault(m => m.Operation.Method == received.Method);
        if (hit.Operation is null)
        {
            var template = matches[0].Operation.PathTemplate;
            var allowed = string.Join(", ", matches.Where(m => m.Operation.PathTemplate == template).Select(m => m.Operation.Method));
            return (received, null, [$"method {received.Method} is not defined for {template} (the spec allows {allowed})"]);
        }

        var request = received with { OperationId = hit.Operation.Id, PathTemplate = hit.Operation.PathTemplate, PathValues = hit.PathValues };
        return (request, hit.Operation, RequestValidator.Validate(request, hit.Operation, _options));
    }

    private void CheckAnswer(ReceivedRequest request, SpecOperation operation, ScriptedResponse answer)
    {
        if (!_options.ValidateScriptedResponses || answer.Status is < 200 or > 299 || string.IsNullOrEmpty(answer.Body))
        {
            return;
        }

        var declared = operation.Operation.Responses is { } responses && responses.TryGetValue(answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var exact)
            ? exact
            : ExampleResponder.Success(operation.Operation.Responses).Response;
        var schema = declared?.Content?.FirstOrDefault(c => BodyValidator.IsJson(c.Key.Split(';')[0].Trim())).Value?.Schema;
        if (schema is null)
        {
            return;
        }

        var check = new SchemaValidator(isRequest: false);
        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            check.Validate(document.RootElement, schema, "response");
        }
        catch (JsonException ex)
        {
            check.Problems.Add($"response: not valid JSON: {ex.Message}");
        }

        if (check.Problems.Count > 0)
        {
            _violations.Enqueue(new SpecViolation(request.Method, request.Path, operation.Id, [.. check.Problems.Select(p => "scripted " + p)]));
        }
    }

    private static async Task<ReceivedRequest> ReadAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        return new ReceivedRequest(request.Method.ToUpperInvariant(), request.Path.Value ?? "/", request.QueryString.Value ?? "", headers, body)
        {
            QueryValues = query,
        };
    }

    private static async Task WriteAsync(HttpResponse response, ScriptedResponse answer)
    {
        response.StatusCode = answer.Status;
        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        if (answer.Body is null)
        {
            return;
        }

        if (!answer.Headers.Keys.Any(k => k.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            response.ContentType = "application/json";
        }

        await response.WriteAsync(answer.Body, response.HttpContext.RequestAborted);
    }
}
