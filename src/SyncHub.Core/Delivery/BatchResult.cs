namespace SyncHub.Core.Delivery;

/// <summary>What one batch did.</summary>
public readonly record struct BatchResult(int Attempted, int Succeeded, int Failed)
{
    public static BatchResult Empty => default;

    public BatchResult Add(BatchResult other) =>
        new(Attempted + other.Attempted, Succeeded + other.Succeeded, Failed + other.Failed);
}
