using Shouldly;
using SyncHub.Core.Mapping;

namespace SyncHub.Core.Tests.Mapping;

/// <summary>Templates are written by administrators but run on every record: they are bounded and see only data.</summary>
public sealed class TemplateSandboxTests
{
    private readonly RecordMapper _mapper = new();

    [Fact]
    public void Render_EndlessLoop_FailsNamingTheLoopLimit() =>
        _mapper.Render("{{ while true }}x{{ end }}", "{}", "invoice", "S1").Error!.ShouldContain("loop", Case.Insensitive);

    [Fact]
    public void Render_HugeOutput_FailsInsteadOfTruncating()
    {
        var result = _mapper.Render("""{"x": "{{ for i in 1..9000 }}{{ "0123456789" | string.pad_right 200 }}{{ end }}"}""", "{}", "invoice", "S1");

        result.Succeeded.ShouldBeFalse();
        result.Error!.ShouldStartWith("Mapping failed");
        result.Error.ShouldNotContain("not valid JSON");
    }

    [Fact]
    public void Render_EndlessRecursion_StopsAtTheRecursionLimit() =>
        _mapper.Render("{{ func f(x); ret f(x); end }}{{ f(1) }}", "{}", "invoice", "S1").Error!.ShouldStartWith("Mapping failed");

    [Fact]
    public void Render_Include_IsRefusedWithAMessage()
    {
        var result = _mapper.Render("""{{ include "mapping.txt" }}""", "{}", "invoice", "S1");

        result.Succeeded.ShouldBeFalse();
        result.Error!.ShouldContain("Mapping failed");
    }

    [Theory]
    [InlineData("""{"x": {{ date.now.ticks }}}""")]
    [InlineData("""{"x": {{ payload.name.length }}}""")]
    public void Render_MemberOfADotNetObject_FailsClearly(string template)
    {
        var result = _mapper.Render(template, """{"name": "Ada"}""", "invoice", "S1");

        result.Succeeded.ShouldBeFalse();
        result.Error!.ShouldContain("not members of .NET objects");
    }

    [Fact]
    public void Render_MissingPayloadField_IsStillNull() =>
        _mapper.Render("""{"x": {{ payload.missing ?? "none" | object.to_json }}}""", "{}", "invoice", "S1").Body.ShouldBe("""{"x": "none"}""");
}
