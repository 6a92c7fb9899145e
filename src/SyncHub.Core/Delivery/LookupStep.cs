namespace SyncHub.Core.Delivery;

/// <summary>How an attempt's last look-up before re-sending ended.</summary>
internal enum LookupStep
{
    /// <summary>No look-up, or it found nothing and the record was sent.</summary>
    None = 0,

    /// <summary>The destination already held the record: it was not sent again.</summary>
    Found = 1,

    /// <summary>The look-up could not tell (failed, threw or timed out): the outcome is still unknown.</summary>
    Failed = 2,
}
