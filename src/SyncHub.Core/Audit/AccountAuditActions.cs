namespace SyncHub.Core.Audit;

/// <summary>The <c>Action</c> values of the audit entries about signing in, users, API keys and runs.</summary>
public static class AccountAuditActions
{
    public const string SignIn = "account.sign-in";
    public const string SignInRefused = "account.sign-in-refused";
    public const string SignOut = "account.sign-out";
    public const string PasswordChange = "account.password-change";
    public const string UserCreate = "user.create";
    public const string UserRole = "user.role";
    public const string UserReset = "user.reset-password";
    public const string UserLock = "user.lock";
    public const string UserUnlock = "user.unlock";
    public const string UserSignOutEverywhere = "user.sign-out-everywhere";
    public const string ApiKeyCreate = "api-key.create";
    public const string ApiKeyRevoke = "api-key.revoke";
    public const string RunStart = "run.start";
    public const string RunCancel = "run.cancel";
    public const string RunPolicy = "integration.run-policy";

    public static string UserTarget(string email) => "user " + email;

    public static string RunTarget(long runId) => $"run {runId}";
}
