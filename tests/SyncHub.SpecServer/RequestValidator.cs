using Microsoft.OpenApi;

namespace SyncHub.Specs;

/// <summary>Checks a received request against its operation: parameters, credentials and body.</summary>
internal static class RequestValidator
{
    public static List<string> Validate(ReceivedRequest request, SpecOperation operation, SpecServerOptions options)
    {
        var check = new SchemaValidator(isRequest: true, closed: options.RejectUnknownProperties);
        foreach (var parameter in operation.Parameters)
        {
            ValidateParameter(request, parameter, check);
        }

        foreach (var name in request.QueryValues.Keys.Where(name => !operation.Parameters.Any(p => p.In == ParameterLocation.Query && p.Name == name)))
        {
            check.Problems.Add($"query parameter '{name}' is not defined by the operation");
        }

        foreach (var header in options.RequiredHeaders.Where(h => request.Header(h) is null))
        {
            check.Problems.Add($"header '{header}' is missing (required by this server's options)");
        }

        SecurityValidator.Validate(request, operation, check.Problems);
        BodyValidator.Validate(request, operation.Operation.RequestBody, check);
        return check.Problems;
    }

    private static void ValidateParameter(ReceivedRequest request, IOpenApiParameter parameter, SchemaValidator check)
    {
        var name = parameter.Name ?? "";
        var (kind, value) = parameter.In switch
        {
            ParameterLocation.Header => ("header", request.Header(name)),
            ParameterLocation.Query => ("query parameter", request.QueryValues.TryGetValue(name, out var q) ? q : null),
            ParameterLocation.Path => ("path parameter", request.PathValues.TryGetValue(name, out var p) ? p : null),
            _ => ("cookie", null),
        };
        if (parameter.In == ParameterLocation.Cookie)
        {
            return;
        }

        if (value is null)
        {
            if (parameter.Required)
            {
                check.Problems.Add($"required {kind} '{parameter.Name}' is missing");
            }

            return;
        }

        check.ValidateText(value, parameter.Schema, $"{kind} '{parameter.Name}'");
    }
}
