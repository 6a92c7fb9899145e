using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SyncHub.Data;

/// <summary>
/// The <c>INSERT … RETURNING</c> of one entity type in one model, built from EF's metadata once: columns, parameter
/// names, type mappings and the generated key. Reading the metadata for every small group of single ingests cost a
/// twentieth of their time.
/// </summary>
internal sealed record InsertStatement(string Sql, IReadOnlyList<InsertColumn> Columns, IProperty Key)
{
    private static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, InsertStatement>> Built = [];

    public static InsertStatement For(DbContext db, Type entity) =>
        Built.GetValue(db.Model, _ => new()).GetOrAdd(entity, type => Build(db, type));

    private static InsertStatement Build(DbContext db, Type type)
    {
        var entityType = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()!.Properties.Single();
        var sql = db.GetService<ISqlGenerationHelper>();

        // Parameters are named as written in the statement: SQLite then binds by exact name instead of trying each prefix per row.
        var columns = entityType.GetProperties()
            .Where(p => !p.IsPrimaryKey() && p.GetColumnName(table) is not null && p.GetComputedColumnSql() is null)
            .Select((p, i) => new InsertColumn(p, p.GetRelationalTypeMapping(), "@p" + i))
            .ToArray();
        var text =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter))}) " +
            $"RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}";
        return new InsertStatement(text, columns, key);
    }
}
