using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Fixes;

namespace SyncHub.Core.Tests.Fixes;

public sealed class PayloadFixerTests
{
    private static readonly IReadOnlyList<IFieldFixer> All = FieldFixers.Enabled("email,phone,date,amount");

    [Fact]
    public void Fix_FieldProblemNamesTheField_FixesOnlyThatKind()
    {
        const string payload = """{"contact":{"email":" Ann@Example.COM ","phone":"(415) 555-0123"},"date":"2025/03/14"}""";

        var result = PayloadFixer.Fix(payload, [new FieldProblem("Contact.EmailAddress", "must be valid")], All);

        result.Payload.ShouldBe("""{"contact":{"email":"ann@example.com","phone":"(415) 555-0123"},"date":"2025/03/14"}""");
        result.Fixes.ShouldHaveSingleItem().ToString().ShouldBe("email /contact/email: \" Ann@Example.COM \" → \"ann@example.com\"");
    }

    [Fact]
    public void Fix_SnakeCaseProblem_MatchesByKeyword()
    {
        var result = PayloadFixer.Fix("""{"email":"<bob@example.com>"}""", [new FieldProblem("email_address", "invalid")], All);

        result.Payload.ShouldBe("""{"email":"bob@example.com"}""");
    }

    [Fact]
    public void Fix_NoFieldProblems_FixesEveryFieldWhoseNameSuggestsAKind()
    {
        const string payload = """{"email":"A@B.COM","lines":[{"unitPrice":9.999,"qty":1.555}],"currency":"EUR","due_date":"14.03.2025","phones":["0044 20 7946 0958"]}""";

        var result = PayloadFixer.Fix(payload, [], All);

        result.Payload.ShouldBe("""{"email":"a@b.com","lines":[{"unitPrice":10.00,"qty":1.555}],"currency":"EUR","due_date":"2025-03-14","phones":["+442079460958"]}""");
        result.Fixes.Select(f => f.Path).ShouldBe(["/email", "/lines/0/unitPrice", "/due_date", "/phones/0"]);
    }

    [Fact]
    public void Fix_ProblemMatchesNoPayloadField_FallsBackToEveryField()
    {
        var result = PayloadFixer.Fix("""{"email":"A@B.COM"}""", [new FieldProblem("Reference", "too long")], All);

        result.Payload.ShouldBe("""{"email":"a@b.com"}""");
    }

    [Fact]
    public void Fix_OnlyEnabledKinds_Run()
    {
        var result = PayloadFixer.Fix("""{"email":"A@B.COM","date":"2025/03/14"}""", [], FieldFixers.Enabled("date"));

        result.Payload.ShouldBe("""{"email":"A@B.COM","date":"2025-03-14"}""");
    }

    [Fact]
    public void Fix_NothingToFix_ReturnsNoPayload()
    {
        var result = PayloadFixer.Fix("""{"email":"not an address","date":"03/04/2025"}""", [new FieldProblem("email", "invalid")], All);

        result.Payload.ShouldBeNull();
        result.Fixes.ShouldBeEmpty();
    }

    [Fact]
    public void Fix_KeepsNonAsciiTextAndOtherValuesAsTheyWere()
    {
        var result = PayloadFixer.Fix("""{"name":"Zoë \"Z\" <b>","email":" zoe@example.com","n":1.50}""", [], All);

        result.Payload.ShouldBe("""{"name":"Zoë \"Z\" <b>","email":"zoe@example.com","n":1.50}""");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"email":"A@B.COM","email":"C@D.COM"}""")]
    public void Fix_PayloadItCannotWalk_ReturnsNothing(string payload) =>
        PayloadFixer.Fix(payload, [], All).Payload.ShouldBeNull();

    [Fact]
    public void Fix_NoFixersEnabled_ReturnsNothing() =>
        PayloadFixer.Fix("""{"email":"A@B.COM"}""", [], FieldFixers.Enabled("")).Payload.ShouldBeNull();
}
