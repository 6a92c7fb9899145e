using System.Net;

namespace SyncHub.Web.Tests.Fuzz;

/// <summary>
/// A malformed form post and how it must be refused: 200 with a message on the page (the default), or a
/// 400 where ASP.NET Core itself refuses the request before the page runs.
/// </summary>
internal sealed record FormCase(KeyValuePair<string, string>[] Fields, HttpStatusCode Refusal = HttpStatusCode.OK)
{
    public static KeyValuePair<string, string> Field(string name, string value) => new(name, value);
}
