using SyncHub.Connectors;

namespace SyncHub.Plugins.Protocol;

/// <summary>A <see cref="LookupOutcome"/> on the wire.</summary>
internal sealed record WireLookupOutcome(bool IsFound, bool IsNotSupported, ErrorClass ErrorClass)
{
    public string? ExternalId { get; init; }

    public string? Message { get; init; }

    public int? HttpStatus { get; init; }

    public static WireLookupOutcome From(LookupOutcome outcome) =>
        new(outcome.IsFound, outcome.IsNotSupported, outcome.ErrorClass) { ExternalId = outcome.ExternalId, Message = outcome.Message, HttpStatus = outcome.HttpStatus };

    public LookupOutcome ToOutcome() => this switch
    {
        { IsFound: true } => LookupOutcome.Found(ExternalId),
        { IsNotSupported: true } => LookupOutcome.NotSupported(),
        { ErrorClass: ErrorClass.None } => LookupOutcome.NotFound(),
        _ => LookupOutcome.Failed(ErrorClass, Message ?? "", HttpStatus),
    };
}
