using System.Text.Json.Nodes;
using Shouldly;
using SyncHub.Core.Fixes;

namespace SyncHub.Core.Tests.Fixes;

public sealed class AmountFixerTests
{
    [Theory]
    [InlineData("12.345", 2, "12.35")]
    [InlineData("12.344", 2, "12.34")]
    [InlineData("-12.345", 2, "-12.35")]
    [InlineData("1,234.50", 2, "1234.50")]
    [InlineData("1,234,567.891", 2, "1234567.89")]
    [InlineData("1234.5", 0, "1235")]
    [InlineData("12.3456", 3, "12.346")]
    [InlineData("12.5", 2, "12.5")]
    [InlineData(" 100 ", 2, "100")]
    public void Normalize_NumericText_RoundsToTheMinorUnit(string input, int exponent, string expected) =>
        AmountFixer.Normalize(input, exponent).ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("12,34")]
    [InlineData("$12.34")]
    [InlineData("1.234,50")]
    [InlineData("twelve")]
    [InlineData("1e5")]
    public void Normalize_NotAPlainNumber_ReturnsNull(string input) =>
        AmountFixer.Normalize(input, 2).ShouldBeNull();

    [Theory]
    [InlineData("""{"amount": 12.345, "currency": "USD"}""", "12.35")]
    [InlineData("""{"amount": 1234.5, "currency": "JPY"}""", "1235")]
    [InlineData("""{"amount": 1.23456, "currencyCode": "kwd"}""", "1.235")]
    [InlineData("""{"amount": 12.345, "currency_code": "EUR"}""", "12.35")]
    [InlineData("""{"amount": 12.345}""", "12.35")]
    [InlineData("""{"amount": "1,234.567", "currency": "BHD"}""", "\"1234.567\"")]
    public void Fix_UsesTheSiblingCurrency(string json, string expected)
    {
        var parent = JsonNode.Parse(json)!.AsObject();

        var result = new AmountFixer().Fix(parent["amount"]!.AsValue(), parent);

        result.ShouldNotBeNull().ToJsonString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("""{"amount": 12.34, "currency": "USD"}""")]
    [InlineData("""{"amount": 1234, "currency": "JPY"}""")]
    [InlineData("""{"amount": "12.5"}""")]
    [InlineData("""{"amount": true}""")]
    public void Fix_AmountThatFits_ReturnsNull(string json)
    {
        var parent = JsonNode.Parse(json)!.AsObject();

        new AmountFixer().Fix(parent["amount"]!.AsValue(), parent).ShouldBeNull();
    }

    [Theory]
    [InlineData("USD", 2)]
    [InlineData("JPY", 0)]
    [InlineData("krw", 0)]
    [InlineData("ISK", 0)]
    [InlineData("CLP", 0)]
    [InlineData("VND", 0)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    [InlineData("OMR", 3)]
    [InlineData("JOD", 3)]
    [InlineData("TND", 3)]
    [InlineData("IQD", 3)]
    [InlineData("LYD", 3)]
    [InlineData("XXX", 2)]
    [InlineData(null, 2)]
    public void CurrencyExponents_For_FollowsIso4217(string? code, int expected) =>
        CurrencyExponents.For(code).ShouldBe(expected);

    [Theory]
    [InlineData("amount", true)]
    [InlineData("totalamount", true)]
    [InlineData("subtotal", true)]
    [InlineData("unitprice", true)]
    [InlineData("totalquantity", false)]
    [InlineData("linecount", false)]
    [InlineData("name", false)]
    public void Suggests_KeysNamingAnAmount(string key, bool expected) =>
        new AmountFixer().Suggests(key).ShouldBe(expected);
}
