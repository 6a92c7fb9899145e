using Shouldly;
using SyncHub.Data.Bookkeeping;

namespace SyncHub.Core.Tests.Storage;

public sealed class JsonRowsTests
{
    private static readonly RowSetColumn[] Columns = [new("jId", SqlType.Long), new("jMessage", SqlType.Text), new("jOk", SqlType.Bool)];

    [Fact]
    public void Finish_Sqlite_AJsonArrayOfRowsInColumnOrder()
    {
        using var rows = new JsonRows(StoreDialect.Sqlite, Columns);
        rows.Row().Long("jId", 7).Text("jMessage", "a \"quoted\" text").Bool("jOk", true);
        rows.Row().Long("jId", null).Text("jMessage", null).Bool("jOk", false);

        rows.Finish().ShouldBe("""[[7,"a \u0022quoted\u0022 text",true],[null,null,false]]""");
    }

    [Fact]
    public void Finish_Postgres_AJsonArrayOfObjects()
    {
        using var rows = new JsonRows(StoreDialect.Postgres, Columns);
        rows.Row().Long("jId", 7).Text("jMessage", "text").Bool("jOk", true);

        rows.Finish().ShouldBe("""[{"jId":7,"jMessage":"text","jOk":true}]""");
    }

    [Fact]
    public void Row_AFieldOutOfColumnOrder_Throws()
    {
        using var rows = new JsonRows(StoreDialect.Sqlite, Columns);

        var error = Should.Throw<InvalidOperationException>(() => rows.Row().Long("jId", 1).Bool("jOk", true));

        error.Message.ShouldContain("'jOk' written where the statement reads 'jMessage'");
    }

    [Fact]
    public void Finish_ARowMissingItsLastFields_Throws()
    {
        using var rows = new JsonRows(StoreDialect.Sqlite, Columns);
        rows.Row().Long("jId", 1);

        Should.Throw<InvalidOperationException>(() => rows.Finish()).Message.ShouldContain("the next one is 'jMessage'");
    }

    [Fact]
    public void Finish_AfterALargerSetWasWritten_HoldsOnlyItsOwnRows()
    {
        for (var round = 0; round < 3; round++)
        {
            using var large = new JsonRows(StoreDialect.Sqlite, Columns);
            for (var i = 0; i < 500; i++)
            {
                large.Row().Long("jId", i).Text("jMessage", new string('x', 40)).Bool("jOk", true);
            }

            large.Finish();
        }

        using var small = new JsonRows(StoreDialect.Sqlite, Columns);
        small.Row().Long("jId", 1).Text("jMessage", null).Bool("jOk", false);

        small.Finish().ShouldBe("""[[1,null,false]]""");
    }

    [Fact]
    public void Finish_NoRows_AnEmptyArray()
    {
        using var rows = new JsonRows(StoreDialect.Sqlite, Columns);

        rows.Finish().ShouldBe("[]");
    }
}
