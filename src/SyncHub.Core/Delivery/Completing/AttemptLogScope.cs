using System.Diagnostics;
using Microsoft.Extensions.Logging;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery.Completing;

/// <summary>
/// The log scope of one record's attempt (its lines carry RecordId, Integration and Trigger), and the way back into it:
/// lines logged while a group's results are written carry each attempt's own trace and scope, not those of whichever
/// attempt started the writer.
/// </summary>
internal static class AttemptLogScope
{
    private static readonly Func<ILogger, long, string, AttemptTrigger, IDisposable?> Scope =
        LoggerMessage.DefineScope<long, string, AttemptTrigger>("Record {RecordId} of {Integration} ({Trigger})");

    public static IDisposable? Begin(ILogger logger, long recordId, string integration, AttemptTrigger trigger) => Scope(logger, recordId, integration, trigger);

    /// <summary>Makes the attempt's activity current with its scope; disposing restores the previous activity.</summary>
    public static AttemptContext Enter(ILogger logger, Completion completion)
    {
        var previous = Activity.Current;
        Activity.Current = completion.Activity;
        var work = completion.Work;
        return new AttemptContext(previous, Begin(logger, work.Record.Id, work.Integration.Slug, work.Trigger));
    }
}
