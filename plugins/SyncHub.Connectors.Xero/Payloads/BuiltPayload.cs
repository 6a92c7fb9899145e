using SyncHub.Connectors;

namespace SyncHub.Connectors.Xero.Payloads;

/// <summary>The JSON to send, or the problems that keep the record from being sent.</summary>
internal sealed record BuiltPayload(string? Json, IReadOnlyList<FieldProblem> Problems)
{
    public static BuiltPayload Of(string json) => new(json, []);

    public static BuiltPayload Refused(IReadOnlyList<FieldProblem> problems) => new(null, problems);

    public static BuiltPayload Refused(string field, string message) => new(null, [new FieldProblem(field, message)]);
}
