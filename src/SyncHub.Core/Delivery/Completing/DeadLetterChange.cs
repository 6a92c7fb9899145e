namespace SyncHub.Core.Delivery.Completing;

/// <summary>What an attempt's result does to the record's dead-letter time: clears it, sets it (keeping an earlier one), or leaves it.</summary>
internal enum DeadLetterChange
{
    Clear = 0,
    Set = 1,
    Keep = 2,
}
