using Shouldly;
using SyncHub.Data.Bookkeeping;

namespace SyncHub.Core.Tests.Storage;

public sealed class JsonRowsTests
{
    [Fact]
    public void Finish_Rows_AJsonArrayOfObjects()
    {
        using var rows = new JsonRows(StoreDialect.Sqlite);
        rows.Row().Long("jId", 7).Text("jMessage", "a \"quoted\" text").Bool("jOk", true);
        rows.Row().Long("jId", null).Text("jMessage", null).Bool("jOk", false);

        rows.Finish().ShouldBe("""[{"jId":7,"jMessage":"a \u0022quoted\u0022 text","jOk":true},{"jId":null,"jMessage":null,"jOk":false}]""");
    }

    [Fact]
    public void Finish_AfterALargerSetWasWritten_HoldsOnlyItsOwnRows()
    {
        for (var round = 0; round < 3; round++)
        {
            using var large = new JsonRows(StoreDialect.Sqlite);
            for (var i = 0; i < 500; i++)
            {
                large.Row().Long("jId", i).Text("jMessage", new string('x', 40));
            }

            large.Finish();
        }

        using var small = new JsonRows(StoreDialect.Sqlite);
        small.Row().Long("jId", 1);

        small.Finish().ShouldBe("""[{"jId":1}]""");
    }

    [Fact]
    public void Finish_NoRows_AnEmptyArray()
    {
        using var rows = new JsonRows(StoreDialect.Sqlite);

        rows.Finish().ShouldBe("[]");
    }
}
