using System.Text.Json.Nodes;

namespace SyncHub.Connectors.Square;

/// <summary>
/// Keeps a member's points on the Square customer's loyalty account: reads the account (or what opening one needs),
/// then adjusts it by the difference to the member's balance. Square accounts are opened by phone number, in the
/// seller's one loyalty program.
/// </summary>
internal sealed class LoyaltyBalance(SquareClient customers)
{
    private const string MergedPoints = "the merged customers' points";

    private readonly SquareLoyaltyApi _loyalty = new(customers);

    /// <summary>Reads only: the customer's account, or the program and phone to open one with, or why neither works.</summary>
    public async Task<LoyaltyPlan> PlanAsync(string customerId, Member member, long points, CancellationToken cancellationToken)
    {
        var found = await _loyalty.SearchAsync([customerId], cancellationToken);
        if (!found.IsSuccess)
        {
            return LoyaltyPlan.Cannot(LoyaltyErrors.ToOutcome(found, "search loyalty accounts", LoyaltyErrors.MembersPoints(points)));
        }

        if (LoyaltyAccount.ListFrom(found.Json).FirstOrDefault(a => a.CustomerId == customerId) is { } account)
        {
            return LoyaltyPlan.On(account);
        }

        if (points == 0)
        {
            return LoyaltyPlan.Nothing;
        }

        var phone = member.Phone;
        if (phone is null)
        {
            var customer = await customers.RetrieveAsync(customerId, cancellationToken);
            if (!customer.IsSuccess)
            {
                return LoyaltyPlan.Cannot(SquareErrors.ToOutcome(customer, $"read customer {UntrustedText.OneLine(customerId, 100)}"));
            }

            phone = customer.Customer?.Phone;
        }

        if (string.IsNullOrWhiteSpace(phone))
        {
            return LoyaltyPlan.Cannot(DeliveryOutcome.Invalid(
                $"Square keeps points on a loyalty account, which it opens by phone number; {LoyaltyErrors.MembersPoints(points)} need one.",
                [new FieldProblem("phone", "Needed to open the member's Square loyalty account.")]));
        }

        var program = await _loyalty.ProgramAsync(cancellationToken);
        var programId = program.IsSuccess && program.Json?["program"]?["id"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        if (program.Status == 404 || (program.IsSuccess && string.IsNullOrEmpty(programId)))
        {
            return LoyaltyPlan.Cannot(DeliveryOutcome.Failed(ErrorClass.ReferenceNotFound,
                $"This Square account has no loyalty program, so {LoyaltyErrors.MembersPoints(points)} have nowhere to go. Set up Square Loyalty, or leave points out of the mapping.",
                program.Status));
        }

        return program.IsSuccess
            ? LoyaltyPlan.Open(programId!, phone.Trim())
            : LoyaltyPlan.Cannot(LoyaltyErrors.ToOutcome(program, "read the loyalty program", LoyaltyErrors.MembersPoints(points)));
    }

    /// <summary>Carries the plan out; null when the account holds <paramref name="points"/>, else why not.</summary>
    public async Task<DeliveryOutcome?> ApplyAsync(LoyaltyPlan plan, string recordKey, long points, string reason, CancellationToken cancellationToken)
    {
        if (plan.Refused is { } refused)
        {
            return refused;
        }

        var account = plan.Account;
        if (account is null && plan.ProgramId is { } programId)
        {
            var opened = await _loyalty.CreateAsync(programId, plan.Phone!, SquareLoyaltyApi.Key(recordKey, "open", 0, points), cancellationToken);
            account = opened.IsSuccess ? LoyaltyAccount.From(opened.Json?["loyalty_account"]) : null;
            if (account is null)
            {
                return opened.IsSuccess
                    ? DeliveryOutcome.Failed(ErrorClass.SchemaMismatch, "Square opened a loyalty account but its answer carried no account id.", opened.Status)
                    : LoyaltyErrors.ToOutcome(opened, "open a loyalty account", LoyaltyErrors.MembersPoints(points));
            }
        }

        return account is null ? null : await MoveAsync(account, points, recordKey, reason, LoyaltyErrors.MembersPoints(points), cancellationToken);
    }

    /// <summary>Sets every loyalty account of <paramref name="customerIds"/> to zero: their points moved to a merge's survivor.</summary>
    public async Task<DeliveryOutcome?> ClearAsync(IReadOnlyList<string> customerIds, string recordKey, string reason, CancellationToken cancellationToken)
    {
        foreach (var chunk in customerIds.Chunk(SquareLoyaltyApi.MaxCustomersPerSearch))
        {
            var found = await _loyalty.SearchAsync(chunk, cancellationToken);
            if (!found.IsSuccess)
            {
                return LoyaltyErrors.ToOutcome(found, "search the merged customers' loyalty accounts", MergedPoints);
            }

            foreach (var account in LoyaltyAccount.ListFrom(found.Json).Where(a => a.CustomerId is { } id && chunk.Contains(id)))
            {
                if (await MoveAsync(account, 0, recordKey, reason, MergedPoints, cancellationToken) is { } failed)
                {
                    return failed;
                }
            }
        }

        return null;
    }

    private async Task<DeliveryOutcome?> MoveAsync(LoyaltyAccount account, long to, string recordKey, string reason, string points, CancellationToken cancellationToken)
    {
        var change = to - account.Balance;
        if (change == 0)
        {
            return null;
        }

        var key = SquareLoyaltyApi.Key(recordKey, account.Id, account.Balance, to);
        var adjusted = await _loyalty.AdjustAsync(account.Id, change, reason, key, allowNegative: to < 0, cancellationToken);
        return adjusted.IsSuccess ? null : LoyaltyErrors.ToOutcome(adjusted, "adjust loyalty points", points);
    }
}
