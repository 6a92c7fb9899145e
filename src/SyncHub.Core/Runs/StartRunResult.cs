using SyncHub.Core.Validation;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Runs;

/// <summary>The started run, or why none was started (errors name the field; a run already running is not an error of input).</summary>
public sealed record StartRunResult(SyncRun? Run, FieldErrors? Errors = null, SyncRun? AlreadyRunning = null)
{
    public bool Started => Run is not null;
}
