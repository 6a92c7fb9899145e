using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace SyncHub.Data;

/// <summary>
/// Catches a write made outside the <see cref="WriteGate"/>: on SQLite such a writer blocks a thread on the file's
/// lock while the gated writers wait their turn. With <c>enforce</c> the write is refused with an
/// <see cref="InvalidOperationException"/> (development and tests, so the bug fails the test that reaches it);
/// without, it goes ahead and a warning names it (production, where a refused write would lose work).
/// </summary>
public sealed partial class WriteGateGuard(WriteGate gate, bool enforce, ILogger<WriteGateGuard> logger) : IDbCommandInterceptor, ISaveChangesInterceptor
{
    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Check(command);
        return result;
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    // Refused before EF opens its transaction, so the caller sees this exception rather than a DbUpdateException
    // around it. Unenforced, the statements that follow are warned about one by one.
    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        CheckSave(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        CheckSave(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private bool Gated => gate.IsHeld || gate.IsLent;

    private void CheckSave(DbContext? context)
    {
        if (enforce && !Gated && context is not null && context.ChangeTracker.HasChanges())
        {
            var changed = context.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => $"{e.State} {e.Metadata.ClrType.Name}").Distinct().Take(3);
            throw Refused("SaveChanges (" + string.Join(", ", changed) + ")");
        }
    }

    private void Check(DbCommand command)
    {
        if (Gated || !WriteStatement.Writes(command.CommandText))
        {
            return;
        }

        var opening = WriteStatement.Opening(command.CommandText);
        if (enforce)
        {
            throw Refused(opening);
        }

        LogUngatedWrite(opening);
    }

    private static InvalidOperationException Refused(string write) =>
        new($"A write ran outside the write gate: \"{write}\". Do it inside WriteGate.RunAsync, so SQLite's writers take turns.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "A write ran outside the write gate: {Statement}. Do it inside WriteGate.RunAsync, so SQLite's writers take turns.")]
    private partial void LogUngatedWrite(string statement);
}
