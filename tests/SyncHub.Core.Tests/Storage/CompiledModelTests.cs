using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Shouldly;
using SyncHub.Data;
using SyncHub.Data.Postgres;

namespace SyncHub.Core.Tests.Storage;

/// <summary>
/// Each store runs on a compiled model generated from the code's model (scripts/compile-models.sh). These tests fail
/// while one is out of date: they compare it with the model the code builds, table by table and property by property
/// (columns, store types, indexes, foreign keys, value conversions, nullability, navigations and query filters). Neither needs a
/// database server: the models are built without connecting.
/// </summary>
public sealed class CompiledModelTests
{
    public static TheoryData<string> Stores => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Stores))]
    public void CompiledModel_IsInUse(string store)
    {
        using var db = Create(store);

        db.Model.GetType().Namespace.ShouldEndWith("CompiledModels", customMessage: "the store should load its compiled model, not build one");
        db.Model.GetType().Assembly.ShouldBe(store == "sqlite" ? typeof(SyncHubDbContext).Assembly : typeof(PostgresStore).Assembly);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public void CompiledModel_MatchesTheModelTheCodeBuilds_RunScriptsCompileModelsShWhenNot(string store)
    {
        using var db = Create(store);
        var built = db.GetService<IDesignTimeModel>().Model;
        var compiled = db.Model;

        Differences(DescribeSchema(built.GetRelationalModel()), DescribeSchema(compiled.GetRelationalModel())).ShouldBeEmpty();
        Differences(Describe(built), Describe(compiled)).ShouldBeEmpty();
    }

    private static SyncHubDbContext Create(string store)
    {
        var options = new DbContextOptionsBuilder<SyncHubDbContext>();
        if (store == "sqlite")
        {
            options.UseSqlite("Data Source=:memory:");
        }
        else
        {
            options.UsePostgresStore("Host=127.0.0.1;Database=synchub_model_check");
        }

        return new SyncHubDbContext(options.Options);
    }

    /// <summary>What the engine relies on beyond the schema: each entity's properties with their types and conversions.</summary>
    private static List<string> Describe(IModel model) =>
    [
        .. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(e => e.GetProperties()
            .Select(p => string.Join(" | ",
                e.Name, p.Name, p.ClrType.Name, p.GetProviderClrType()?.Name ?? "-", p.GetValueConverter()?.GetType().Name ?? "-",
                p.IsNullable, p.GetColumnName(), p.GetMaxLength()?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                p.ValueGenerated, p.IsConcurrencyToken))
            .Concat(e.GetNavigations().Select(n => $"{e.Name} | navigation {n.Name} -> {n.TargetEntityType.Name}"))
            .Concat(e.GetDeclaredQueryFilters().Select(f => $"{e.Name} | query filter {f.Expression}"))),
    ];

    private static List<string> Differences(List<string> built, List<string> compiled) =>
    [
        .. built.Except(compiled, StringComparer.Ordinal).Select(d => "only in the code's model: " + d),
        .. compiled.Except(built, StringComparer.Ordinal).Select(d => "only in the compiled model: " + d),
    ];

    /// <summary>Tables with their columns' store types and nullability, indexes and foreign keys.</summary>
    private static List<string> DescribeSchema(IRelationalModel schema) =>
    [
        .. schema.Tables.OrderBy(t => t.Name, StringComparer.Ordinal).SelectMany(t =>
            t.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => $"{t.Name}.{c.Name} {c.StoreType} null={c.IsNullable}")
                .Concat(t.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal)
                    .Select(i => $"{t.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}) unique={i.IsUnique}"))
                .Concat(t.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal)
                    .Select(f => $"{t.Name} foreign key {f.Name} -> {f.PrincipalTable.Name} {f.OnDeleteAction}"))),
    ];
}
