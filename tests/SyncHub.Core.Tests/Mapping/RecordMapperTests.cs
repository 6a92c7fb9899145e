using Shouldly;
using SyncHub.Core.Mapping;

namespace SyncHub.Core.Tests.Mapping;

public sealed class RecordMapperTests
{
    private readonly RecordMapper _mapper = new();

    [Fact]
    public void Render_NoTemplate_SendsPayloadAsIs() =>
        _mapper.Render(null, """{"a":1}""", "invoice", "S1").Body.ShouldBe("""{"a":1}""");

    [Fact]
    public void Render_TemplateWithLoopAndFilters_RendersJson()
    {
        var result = _mapper.Render(
            """{"lines": [{{ for l in payload.lines }}{{ if !for.first }},{{ end }}{"d": {{ l.d | string.upcase | object.to_json }}}{{ end }}]}""",
            """{"lines": [{"d": "a"}, {"d": "b"}]}""", "invoice", "S1");

        result.Body.ShouldBe("""{"lines": [{"d": "A"},{"d": "B"}]}""");
    }

    [Fact]
    public void Validate_SyntaxError_ReportsLineAndColumn() =>
        _mapper.Validate("{\n {{ if }}").First().ShouldStartWith("Line 2, column 8:");

    [Fact]
    public void Render_OutputNotJson_IsAFailureNotAnException() =>
        _mapper.Render("""{"a": {{ payload.a }}""", """{"a":1}""", "invoice", "S1").Error!.ShouldContain("not valid JSON");

    [Fact]
    public void Render_EndlessLoop_StopsAtTheLoopLimit() =>
        _mapper.Render("{{ while true }}x{{ end }}", "{}", "invoice", "S1").Error!.ShouldContain("Mapping failed");

    [Fact]
    public void Render_IncludeOfAFile_IsRefused() =>
        _mapper.Render("""{{ include "/etc/passwd" }}""", "{}", "invoice", "S1").Succeeded.ShouldBeFalse();

    [Fact]
    public void Render_DivideByZero_IsAFailureNotAnException() =>
        _mapper.Render("""{"x": {{ 1 / 0 }}}""", "{}", "invoice", "S1").Succeeded.ShouldBeFalse();
}
