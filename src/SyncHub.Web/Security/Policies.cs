namespace SyncHub.Web.Security;

public static class Policies
{
    /// <summary>Retry, dismiss, archive, resync, edit-and-retry.</summary>
    public const string Operate = "Operate";

    /// <summary>Users, API keys and settings.</summary>
    public const string Administer = "Administer";

    /// <summary>Any valid API key (ingest-only or full).</summary>
    public const string ApiIngest = "ApiIngest";

    /// <summary>An API key with full scope.</summary>
    public const string ApiFull = "ApiFull";

    public const string ScopeClaim = "synchub:scope";
    public const string MustChangePasswordClaim = "synchub:must-change-password";
}
