using Shouldly;
using SyncHub.Data;

namespace SyncHub.Core.Tests.Storage;

public sealed class WriteStatementTests
{
    [Theory]
    [InlineData("INSERT INTO \"Records\" (\"Id\") VALUES (@p0) RETURNING \"Id\";")]
    [InlineData("-- synchub:claim\nUPDATE \"WorkQueue\" SET \"Lane\" = 1")]
    [InlineData("/* purge */ delete from \"Attempts\"")]
    [InlineData("SELECT changes(); DELETE FROM \"Nodes\"")]
    [InlineData("WITH gone AS (SELECT 1) DELETE FROM \"Nodes\" WHERE 1 = 0")]
    [InlineData("INSERT OR REPLACE INTO \"Settings\" VALUES (1)")]
    public void Writes_StatementChangesTheDatabase_IsTrue(string sql) => WriteStatement.Writes(sql).ShouldBeTrue();

    [Theory]
    [InlineData("SELECT \"r\".\"Id\" FROM \"Records\" AS \"r\"")]
    [InlineData("-- synchub:for-update-skip-locked\nSELECT 1")]
    [InlineData("WITH RECURSIVE n(x) AS (SELECT 1) SELECT x FROM n")]
    [InlineData("PRAGMA optimize;")]
    [InlineData("SAVEPOINT \"__EFSavePoint\"")]
    public void Writes_StatementOnlyReads_IsFalse(string sql) => WriteStatement.Writes(sql).ShouldBeFalse();

    [Fact]
    public void Opening_TaggedStatement_GivesItsFirstWordsWithoutTheTag() =>
        WriteStatement.Opening("-- tag\nUPDATE \"Records\" AS \"r\"\nSET \"Status\" = @p0, \"Note\" = @p1 WHERE 1").ShouldBe("UPDATE \"Records\" AS \"r\" SET \"Status\"");
}
