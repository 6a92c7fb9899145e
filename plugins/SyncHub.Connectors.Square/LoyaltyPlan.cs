namespace SyncHub.Connectors.Square;

/// <summary>
/// How a customer's balance is to be set: on its loyalty account, by opening one (program and phone number), or not at
/// all (no account and a balance of zero); or why it cannot be.
/// </summary>
internal sealed record LoyaltyPlan(LoyaltyAccount? Account, string? ProgramId, string? Phone, DeliveryOutcome? Refused)
{
    public static LoyaltyPlan Nothing { get; } = new(null, null, null, null);

    public static LoyaltyPlan On(LoyaltyAccount account) => new(account, null, null, null);

    public static LoyaltyPlan Open(string programId, string phone) => new(null, programId, phone, null);

    public static LoyaltyPlan Cannot(DeliveryOutcome refused) => new(null, null, null, refused);
}
