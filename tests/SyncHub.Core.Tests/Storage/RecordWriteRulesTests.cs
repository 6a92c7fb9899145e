using System.Text.RegularExpressions;
using Shouldly;
using SyncHub.Processes;

namespace SyncHub.Core.Tests.Storage;

/// <summary>
/// The work queue and the record counts follow every change of a record's state only if every writer goes through the
/// bookkeeping: tracked saves (the context does it), <c>RecordWrites</c> for set-based changes, and the engine's own claim
/// and completion statements. This reads the production sources and fails on a set-based write to records anywhere else.
/// </summary>
public sealed partial class RecordWriteRulesTests
{
    private static readonly string[] SetBasedWriters =
    [
        "src/SyncHub.Data/Bookkeeping/RecordWrites.cs",

        // Rewrites stored texts only (messages, field problems, notes, the failure group that follows the message), never
        // a status, due time or archive mark, so neither the queue nor the counts move; checked below.
        "src/SyncHub.Core/Redaction/StoredTextPasses.cs",
    ];

    private static readonly string[] TextColumns = ["LastErrorMessage", "FieldProblemsJson", "ResolutionNote", "ErrorFingerprint"];

    private static readonly string[] HandWrittenWriters =
    [
        "src/SyncHub.Core/Delivery/Claiming/ClaimStatements.cs",
        "src/SyncHub.Core/Delivery/Completing/CompletionStatements.cs",
        "src/SyncHub.Data/Bookkeeping/RecordWrites.cs",
    ];

    [Fact]
    public void ProductionCode_ChangesRecordsInBulk_OnlyThroughRecordWrites()
    {
        var offenders = Sources().Where(f => !SetBasedWriters.Contains(f.Path) && LinqBulkWrite().IsMatch(f.Text)).Select(f => f.Path).ToList();

        offenders.ShouldBeEmpty("use RecordWrites (or tracked entities), so the work queue and the counts follow");
    }

    [Fact]
    public void TheStoredTextPass_SetsTextColumnsOnly()
    {
        var text = Sources().Single(f => f.Path == "src/SyncHub.Core/Redaction/StoredTextPasses.cs").Text;
        var set = SetProperty().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

        set.ShouldNotBeEmpty();
        set.ShouldBeSubsetOf(TextColumns);
    }

    [Fact]
    public void ProductionCode_WritesRecordsInHandWrittenSql_OnlyInTheEngineStatements()
    {
        var offenders = Sources().Where(f => !HandWrittenWriters.Contains(f.Path) && SqlWrite().IsMatch(f.Text)).Select(f => f.Path).ToList();

        offenders.ShouldBeEmpty();
    }

    [Fact]
    public void TheRules_CatchAWriteTheyForbid()
    {
        LinqBulkWrite().IsMatch("await db.Records.Where(r => r.Id == id)\n    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, x));").ShouldBeTrue();
        SqlWrite().IsMatch("""var sql = "UPDATE \"Records\" SET \"Status\" = 1";""").ShouldBeTrue();
        LinqBulkWrite().IsMatch("await db.Attempts.Where(a => a.Id == id).ExecuteUpdateAsync(s => s);").ShouldBeFalse();
    }

    private static IEnumerable<(string Path, string Text)> Sources()
    {
        var root = RepositoryRoot.Find();
        return Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal)
                && !p.Contains("/Migrations/", StringComparison.Ordinal) && !p.Contains("/CompiledModels/", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)));
    }

    // A LINQ statement on the records set that ends in a bulk update or delete (within one statement, across lines).
    [GeneratedRegex(@"\.Records\b[^;]*?\.Execute(Update|Delete)Async", RegexOptions.Singleline)]
    private static partial Regex LinqBulkWrite();

    [GeneratedRegex(@"SetProperty\(\w+ => \w+\.(\w+)")]
    private static partial Regex SetProperty();

    [GeneratedRegex("""(UPDATE|DELETE FROM|INSERT INTO)\s+\\?"Records\\?"(?!\w)""")]
    private static partial Regex SqlWrite();
}
