namespace SyncHub.Core.Breakers;

/// <summary>What one delivery result says about the destination's health.</summary>
public enum BreakerVerdict
{
    /// <summary>Delivered.</summary>
    Healthy = 0,

    /// <summary>The destination is down, overloaded or refusing the connection's credentials.</summary>
    Unhealthy = 1,

    /// <summary>The destination answered but rejected this record (its own fault): neither counts nor resets failures, but proves a probe got through.</summary>
    Answered = 2,

    /// <summary>The destination was never reached (mapping failed, connector bug): says nothing about it.</summary>
    NoVerdict = 3,
}
