using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SyncHub.Core.Mapping;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    private const int MaxNoteLength = 2000;

    /// <summary>
    /// Says in the sync log that the delivered body used mapping defaults in place of source values that failed
    /// the mapping. Written after the delivery is recorded, so a failure here never loses the delivery.
    /// </summary>
    private async Task<bool?> NoteMappingDefaultsAsync(ClaimedRecord work, MappingResult mapping)
    {
        var fields = string.Join(", ", mapping.DefaultedFields);
        var note = $"Delivered with mapping defaults for: {fields}. The source values failed the mapping: {mapping.SourceValuesError}";
        if (note.Length > MaxNoteLength)
        {
            note = note[..(MaxNoteLength - 1)] + "…";
        }

        await using var db = await _dbFactory.CreateDbContextAsync(CancellationToken.None);
        using (await _writes.EnterAsync(CancellationToken.None))
        {
            await db.Attempts.Where(a => a.Id == work.AttemptId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Message, a => a.Message == null ? note : a.Message + " " + note), CancellationToken.None);
        }

        LogDeliveredWithDefaults(work.Record.Id, work.Integration.Slug, fields);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Record {RecordId} of {Integration} was delivered with mapping defaults for {Fields}")]
    private partial void LogDeliveredWithDefaults(long recordId, string integration, string fields);
}
