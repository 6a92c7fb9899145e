using SyncHub.Connectors;

namespace SyncHub.Core.Reconciliation;

/// <summary>What a connector call's answer says about failure, so one retry policy serves pages, look-ups and source reads.</summary>
internal readonly record struct CallResult(ErrorClass ErrorClass, string? Message, TimeSpan? RetryAfter)
{
    public static CallResult Of(DestinationPage page) => new(page.ErrorClass, page.Message, page.RetryAfter);

    public static CallResult Of(DestinationFetch fetch) => new(fetch.ErrorClass, fetch.Message, fetch.RetryAfter);

    public static CallResult Of(SourcePage page) => new(page.ErrorClass, page.Message, page.RetryAfter);
}
