using Shouldly;
using SyncHub.Core.Records;

namespace SyncHub.Core.Tests.Records;

public sealed class PayloadJsonTests
{
    [Fact]
    public void Parse_PrettyPrintedObject_IsStoredCompactWithTextAsItIs()
    {
        var payload = PayloadJson.Parse("{\n  \"name\": \"Zoë <b>\",\n  \"amount\": 1.50\n}", out var problem);

        problem.ShouldBeNull();
        payload.ShouldBe("""{"name":"Zoë <b>","amount":1.50}""");
    }

    [Theory]
    [InlineData("{\n  \"a\": 1,\n  \"b\": \n}", "line 4, column 1")]
    [InlineData("{\n  \"a\": 1,\n  b: 2\n}", "line 3, column 3")]
    [InlineData("{\"ä\": 1 x}", "line 1, column 9")]
    [InlineData("{\"a\": 1", "line 1, column 8")]
    public void Parse_SyntaxError_NamesLineAndColumn(string text, string position)
    {
        PayloadJson.Parse(text, out var problem).ShouldBeNull();

        problem.ShouldNotBeNull().ShouldStartWith($"is not valid JSON at {position}: ");
        problem.ShouldNotContain("LineNumber");
    }

    [Theory]
    [InlineData("", "is required")]
    [InlineData("   ", "is required")]
    [InlineData("[1, 2]", "must be a JSON object")]
    [InlineData("\"text\"", "must be a JSON object")]
    public void Parse_NotAnAcceptablePayload_SaysWhy(string text, string expected)
    {
        PayloadJson.Parse(text, out var problem).ShouldBeNull();

        problem.ShouldNotBeNull().ShouldContain(expected);
    }

    [Fact]
    public void Parse_TooDeep_IsRefusedLikeIngest()
    {
        var text = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);

        PayloadJson.Parse(text, out var problem).ShouldBeNull();

        problem.ShouldNotBeNull().ShouldContain("32 levels");
    }

    [Fact]
    public void Parse_TooLarge_IsRefusedLikeIngest()
    {
        var text = $$"""{"a":"{{new string('x', IngestService.MaxPayloadBytes)}}"}""";

        PayloadJson.Parse(text, out var problem).ShouldBeNull();

        problem.ShouldBe("must be at most 256 KB.");
    }
}
