using SyncHub.Connectors;

namespace SyncHub.Connectors.Xero.Http;

/// <summary>Why a call to Xero (or to its token endpoint) did not do what it should, in SyncHub's terms.</summary>
internal sealed record XeroFailure(ErrorClass ErrorClass, string Message, int? HttpStatus = null, TimeSpan? RetryAfter = null)
{
    /// <summary>The fields Xero refused, for a validation failure.</summary>
    public IReadOnlyList<FieldProblem> FieldProblems { get; init; } = [];

    public DeliveryOutcome ToDelivery() => ErrorClass == ErrorClass.Validation && FieldProblems.Count > 0
        ? DeliveryOutcome.Invalid(Message, FieldProblems, HttpStatus)
        : DeliveryOutcome.Failed(ErrorClass, Message, HttpStatus, RetryAfter);

    public LookupOutcome ToLookup() => LookupOutcome.Failed(ErrorClass, Message, HttpStatus);

    public ConnectionTestResult ToConnectionTest() => ConnectionTestResult.Failed(ErrorClass, Message);
}
