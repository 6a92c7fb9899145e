using System.ComponentModel.DataAnnotations;

namespace SyncHub.Core.Cluster;

/// <summary>How a node shares a PostgreSQL store with other nodes (<c>SyncHub:Cluster</c>); unused on SQLite.</summary>
public sealed class ClusterOptions : IValidatableObject
{
    public const string Section = "SyncHub:Cluster";

    /// <summary>
    /// A stable name for this node. With one, a restarted node takes back its own claims at once; without one each
    /// start is a new node and its old claims are released when their lease runs out.
    /// </summary>
    [MaxLength(64)]
    public string? NodeId { get; set; }

    /// <summary>How often the node renews its lease.</summary>
    [Range(1, 300)]
    public double HeartbeatSeconds { get; set; } = 10;

    /// <summary>
    /// A node silent this long is dead: its claims go back to the queue for the others. Several heartbeats long,
    /// so a slow database or a pause in one node does not hand its live work to another.
    /// </summary>
    [Range(2, 3600)]
    public double LeaseSeconds { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LeaseSeconds < HeartbeatSeconds * 2)
        {
            yield return new ValidationResult(
                $"{Section}:LeaseSeconds must be at least twice {Section}:HeartbeatSeconds.", [nameof(LeaseSeconds), nameof(HeartbeatSeconds)]);
        }
    }
}
