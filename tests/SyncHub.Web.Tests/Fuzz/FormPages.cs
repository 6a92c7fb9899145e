using System.Net;
using AngleSharp.Dom;
using Shouldly;
using SyncHub.Web.Tests.Support;

namespace SyncHub.Web.Tests.Fuzz;

/// <summary>What a refused form post must look like: the page again, with a message saying what to fix.</summary>
internal static class FormPages
{
    /// <summary>Field messages (<c>asp-validation-for</c>), a validation summary, or the sign-in error.</summary>
    public static IReadOnlyList<string> MessagesOf(IDocument page) =>
        [.. page.QuerySelectorAll(".field-validation-error, .validation-summary-errors li, #sign-in-error")
            .Select(e => e.TextContent.Trim())
            .Where(text => text.Length > 0)];

    /// <summary>
    /// The page again with a message, or the 400 the case expects; never a 5xx. A 400 the case does not expect
    /// fails: after a valid antiforgery token it is what an unhandled exception on a POST turns into today
    /// (see <see cref="UnhandledErrorTests"/>).
    /// </summary>
    public static async Task<IDocument?> ShouldBeRefusedAsync(this HttpResponseMessage response, FormCase form, string formSelector)
    {
        var html = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBeLessThan(500, html);
        response.StatusCode.ShouldBe(form.Refusal, html);
        if (form.Refusal != HttpStatusCode.OK)
        {
            return null;
        }

        var page = Html.Parse(html);
        MessagesOf(page).ShouldNotBeEmpty($"the refused form shows no message:\n{page.Single(formSelector).OuterHtml}");
        return page;
    }

    /// <summary>The ids of a table's body rows (<c>user-…</c>, <c>api-key-…</c>).</summary>
    public static IReadOnlyList<string> RowIds(IDocument page, string table) =>
        [.. page.QuerySelectorAll($"{table} tbody tr").Select(r => r.Id ?? "")];
}
