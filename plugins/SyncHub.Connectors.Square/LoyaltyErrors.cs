namespace SyncHub.Connectors.Square;

/// <summary>Refused Loyalty API calls as outcomes whose message says what became of the member's points and what to do.</summary>
internal static class LoyaltyErrors
{
    public const string Scopes = "LOYALTY_READ and LOYALTY_WRITE";

    /// <param name="response">Square's answer.</param>
    /// <param name="doing">What the call did, for example "adjust loyalty points".</param>
    /// <param name="points">What the call was for, for example "the member's 120 points".</param>
    public static DeliveryOutcome ToOutcome(SquareResponse response, string doing, string points)
    {
        var outcome = SquareErrors.ToOutcome(response, doing);
        var advice = response.Status is 401 or 403
            ? $" The access token needs {Scopes} to keep {points} in Square: grant them, or leave points out of the mapping."
            : "";
        return Reworded(outcome, outcome.Message + advice);
    }

    public static string MembersPoints(long points) => $"the member's {points:N0} points";

    /// <summary>The same failure with another message.</summary>
    public static DeliveryOutcome Reworded(DeliveryOutcome outcome, string? message)
    {
        var text = UntrustedText.OneLine(message, 900);
        return outcome.FieldProblems.Count > 0
            ? DeliveryOutcome.Invalid(text, outcome.FieldProblems, outcome.HttpStatus)
            : DeliveryOutcome.Failed(outcome.ErrorClass, text, outcome.HttpStatus, outcome.RetryAfter);
    }
}
