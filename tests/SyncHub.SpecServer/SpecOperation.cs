using Microsoft.OpenApi;

namespace SyncHub.Specs;

/// <summary>One operation of a spec: a method on a path template, with the path item's parameters merged in.</summary>
public sealed class SpecOperation
{
    internal SpecOperation(
        string method, string pathTemplate, OpenApiOperation operation, IList<IOpenApiParameter> pathItemParameters,
        IList<OpenApiSecurityRequirement> documentSecurity)
    {
        Method = method;
        Template = new PathTemplate(pathTemplate);
        Operation = operation;

        // An operation's own parameter replaces the path item's one with the same name and location.
        var own = operation.Parameters ?? [];
        Parameters = [.. own, .. pathItemParameters.Where(p => !own.Any(o => o.Name == p.Name && o.In == p.In))];
        Security = [.. operation.Security is { Count: > 0 } security ? security : documentSecurity];
    }

    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path template as the spec writes it, relative to the server's base path.</summary>
    public string PathTemplate => Template.Text;

    /// <summary>The spec's operationId, or <c>METHOD template</c> when it has none.</summary>
    public string Id => Operation.OperationId ?? $"{Method} {PathTemplate}";

    /// <summary>The spec's operation object.</summary>
    public OpenApiOperation Operation { get; }

    /// <summary>Every parameter that applies, <c>$ref</c>s resolved.</summary>
    public IReadOnlyList<IOpenApiParameter> Parameters { get; }

    /// <summary>The credentials the operation accepts (any one requirement suffices); empty when it needs none.</summary>
    public IReadOnlyList<OpenApiSecurityRequirement> Security { get; }

    internal PathTemplate Template { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathTemplate} ({Id})";
}
