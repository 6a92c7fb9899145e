namespace SyncHub.Data.Entities;

/// <summary>What started an attempt.</summary>
public enum AttemptTrigger
{
    Delivery = 0,
    AutomaticRetry = 1,
    ManualRetry = 2,
}
