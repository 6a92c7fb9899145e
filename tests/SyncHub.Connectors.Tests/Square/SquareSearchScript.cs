using SyncHub.Specs;

namespace SyncHub.Connectors.Tests.Square;

/// <summary>Scripts SearchCustomers by the filter each search uses: by reference or by email.</summary>
internal static class SquareSearchScript
{
    public static void AnswerSearches(this SpecServer server, string byReference = SquareJson.NoCustomers, string byEmail = SquareJson.NoCustomers) =>
        server.Respond("POST", "/v2/customers/search", request => ScriptedResponse.Json(200, FilterOf(request) switch
        {
            "reference_id" => byReference,
            "email_address" => byEmail,
            _ => SquareJson.NoCustomers,
        }));

    /// <summary>The one exact filter a search used, for example <c>reference_id</c>, or null.</summary>
    public static string? FilterOf(ReceivedRequest request) =>
        request.Json?["query"]?["filter"]?.AsObject().Select(p => p.Key).SingleOrDefault();

    /// <summary>The exact value a search filtered on.</summary>
    public static string? ExactOf(ReceivedRequest request) =>
        FilterOf(request) is { } filter ? request.Json!["query"]!["filter"]![filter]!["exact"]!.GetValue<string>() : null;
}
