using SyncHub.Core.Validation;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Integrations;

/// <summary>The bounds of an integration's automatic retry policy, and the policy a request asks for (defaults for what it leaves out).</summary>
internal static class RetryPolicyRules
{
    public static void Validate(FieldErrors errors, RetryPolicyRequest? retry)
    {
        if (retry is null)
        {
            return;
        }

        if (retry.BaseDelaySeconds is < 1 or > 86_400)
        {
            errors.Add("retry.baseDelaySeconds", "must be between 1 and 86400.");
        }

        if (retry.Factor is < 1 or > 10)
        {
            errors.Add("retry.factor", "must be between 1 and 10.");
        }

        if (retry.MaxDelaySeconds is < 1 or > 604_800)
        {
            errors.Add("retry.maxDelaySeconds", "must be between 1 and 604800.");
        }

        if (retry.MaxAutomaticAttempts is < 0 or > 100)
        {
            errors.Add("retry.maxAutomaticAttempts", "must be between 0 and 100.");
        }
    }

    public static RetryPolicy ToPolicy(RetryPolicyRequest? retry)
    {
        var policy = new RetryPolicy();
        policy.BaseDelaySeconds = retry?.BaseDelaySeconds ?? policy.BaseDelaySeconds;
        policy.Factor = retry?.Factor ?? policy.Factor;
        policy.MaxDelaySeconds = retry?.MaxDelaySeconds ?? policy.MaxDelaySeconds;
        policy.MaxAutomaticAttempts = retry?.MaxAutomaticAttempts ?? policy.MaxAutomaticAttempts;
        return policy;
    }
}
