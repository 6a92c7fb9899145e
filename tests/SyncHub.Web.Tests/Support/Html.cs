using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Shouldly;

namespace SyncHub.Web.Tests.Support;

internal static class Html
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The first match; a test fails when there is none, with the markup searched in its message.</summary>
    public static IElement Single(this IParentNode node, string selector) =>
        node.QuerySelector(selector).ShouldNotBeNull($"No element matches '{selector}' in:\n{Markup(node)}");

    /// <summary>Asserts that the markup has an element matching <paramref name="selector"/>, and returns it.</summary>
    public static IElement ShouldHave(this IParentNode node, string selector) => node.Single(selector);

    private static string? Markup(IParentNode node) => (node as IElement)?.OuterHtml ?? (node as IDocument)?.DocumentElement.OuterHtml;
}
