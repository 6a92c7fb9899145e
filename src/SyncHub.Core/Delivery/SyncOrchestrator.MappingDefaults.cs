using Microsoft.Extensions.Logging;
using SyncHub.Core.Mapping;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Delivery;

public sealed partial class SyncOrchestrator
{
    private const int MaxNoteLength = 2000;

    /// <summary>
    /// Says in the sync log that the delivered body used mapping defaults in place of source values that failed
    /// the mapping. Written with the delivery itself, on the tracked entry.
    /// </summary>
    private static void NoteMappingDefaults(SyncAttempt attempt, MappingResult mapping)
    {
        var fields = string.Join(", ", mapping.DefaultedFields);
        var note = $"Delivered with mapping defaults for: {fields}. The source values failed the mapping: {mapping.SourceValuesError}";
        if (note.Length > MaxNoteLength)
        {
            note = note[..(MaxNoteLength - 1)] + "…";
        }

        attempt.Message = attempt.Message is null ? note : attempt.Message + " " + note;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Record {RecordId} of {Integration} was delivered with mapping defaults for {Fields}")]
    private partial void LogDeliveredWithDefaults(long recordId, string integration, string fields);
}
