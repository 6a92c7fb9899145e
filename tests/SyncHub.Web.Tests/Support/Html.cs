using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SyncHub.Web.Tests.Support;

internal static class Html
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>The first match, or a failure that shows the markup searched.</summary>
    public static IElement Single(this IParentNode node, string selector) =>
        node.QuerySelector(selector) ?? throw new InvalidOperationException(
            $"No element matches '{selector}' in:\n{(node as IElement)?.OuterHtml ?? (node as IDocument)?.DocumentElement.OuterHtml}");
}
