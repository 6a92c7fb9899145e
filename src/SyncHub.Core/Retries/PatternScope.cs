namespace SyncHub.Core.Retries;

/// <summary>What the recent attempts of an integration must look like for a common error pattern to hold.</summary>
public enum PatternScope
{
    /// <summary>"All records fail with …": the newest attempts all failed with the class, none delivered between them.</summary>
    All = 0,

    /// <summary>"Specific records fail …", "Intermittent …": some attempts failed with the class while others were delivered.</summary>
    Some = 1,
}
