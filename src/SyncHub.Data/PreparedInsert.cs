using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SyncHub.Data;

/// <summary>
/// Inserts many new rows of one entity type through one prepared <c>INSERT … RETURNING</c>, executed once per row in
/// the context's current transaction. <c>SaveChanges</c> sends every row as its own statement text, which SQLite
/// parses and plans again for each row (with the table's triggers compiled into every plan): for a batch of a
/// thousand new records that preparing cost more than the inserts themselves. Columns, names and value conversions
/// come from the EF model, so the statement and its parameters are the ones EF itself would use, on either store.
/// </summary>
/// <remarks>
/// The entities are not tracked; their generated key is set on them after each insert. Each execution passes through
/// EF's command diagnostics, so command interceptors and command logging see it like any other statement.
/// </remarks>
public sealed class PreparedInsert<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private readonly DbContext _db;
    private readonly TimeProvider _time;
    private readonly DbCommand _command;
    private readonly (IProperty Property, DbParameter Parameter, RelationalTypeMapping Mapping)[] _columns;
    private readonly IProperty _key;
    private readonly IRelationalConnection _connection;
    private readonly IRelationalCommandDiagnosticsLogger _diagnostics;
    private bool _prepared;

    private PreparedInsert(DbContext db, TimeProvider time, DbCommand command, (IProperty, DbParameter, RelationalTypeMapping)[] columns, IProperty key)
    {
        _db = db;
        _time = time;
        _command = command;
        _columns = columns;
        _key = key;
        _connection = db.GetService<IRelationalConnection>();
        _diagnostics = db.GetService<IRelationalCommandDiagnosticsLogger>();
    }

    /// <summary>Creates the command on the context's open connection and enlists it in the current transaction, if any.</summary>
    public static async Task<PreparedInsert<TEntity>> CreateAsync(DbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var statement = InsertStatement.For(db, typeof(TEntity));
        await db.Database.OpenConnectionAsync(cancellationToken);
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = statement.Sql;
        var columns = statement.Columns.Select(c =>
        {
            var parameter = c.Mapping.CreateParameter(command, c.Parameter, null, c.Property.IsNullable);
            command.Parameters.Add(parameter);
            return (c.Property, parameter, c.Mapping);
        }).ToArray();
        return new PreparedInsert<TEntity>(db, time, command, columns, statement.Key);
    }

    public async Task InsertAsync(TEntity entity, CancellationToken cancellationToken)
    {
        foreach (var (property, parameter, mapping) in _columns)
        {
            var value = property.GetGetter().GetClrValueUsingContainingEntity(entity);
            parameter.Value = (value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        }

        if (!_prepared)
        {
            await _command.PrepareAsync(cancellationToken);
            _prepared = true;
        }

        var id = await ExecuteAsync(cancellationToken);
        _key.PropertyInfo!.SetValue(entity, Convert.ChangeType(id, _key.ClrType, System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<object> ExecuteAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetUtcNow();
        var commandId = Guid.NewGuid();
        var interception = await _diagnostics.CommandReaderExecutingAsync(
            _connection, _command, _command.CommandText, _db, commandId, _connection.ConnectionId, started, CommandSource.SaveChanges, cancellationToken);
        var reader = interception.HasResult ? interception.Result : await _command.ExecuteReaderAsync(cancellationToken);
        reader = await _diagnostics.CommandReaderExecutedAsync(
            _connection, _command, _command.CommandText, _db, commandId, _connection.ConnectionId, reader, started, _time.GetUtcNow() - started, CommandSource.SaveChanges, cancellationToken);
        await using (reader)
        {
            return await reader.ReadAsync(cancellationToken) ? reader.GetValue(0) : throw new InvalidOperationException("The insert returned no key.");
        }
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
