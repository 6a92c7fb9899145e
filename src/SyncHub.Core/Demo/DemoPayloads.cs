using System.Text.Json;

namespace SyncHub.Core.Demo;

/// <summary>Believable demo records: expense reimbursements and invoices, and store customers.</summary>
internal static class DemoPayloads
{
    private static readonly string[] People = ["Ada Okafor", "Ben Liu", "Carla Mendes", "Dev Patel", "Eva Novak", "Femi Adeyemi", "Grace Kim", "Hugo Martin"];
    private static readonly string[] Expenses = ["Train tickets", "Volunteer lunch", "Printer paper", "Event venue deposit", "Mileage", "First-aid kit"];

    public static (string EntityType, string SourceId, string Payload) Accounting(int n, Random random)
    {
        var person = People[random.Next(People.Length)];
        if (n % 3 == 0)
        {
            return ("invoice", $"INV-{1000 + n}", JsonSerializer.Serialize(new
            {
                number = $"INV-{1000 + n}",
                customer = person,
                amount = Math.Round(50 + (random.NextDouble() * 950), 2),
                currency = "EUR",
                due = "2026-12-31",
            }));
        }

        return ("expense", $"EXP-{2000 + n}", JsonSerializer.Serialize(new
        {
            volunteer = person,
            description = Expenses[random.Next(Expenses.Length)],
            amount = Math.Round(5 + (random.NextDouble() * 195), 2),
            currency = "EUR",
        }));
    }

    public static (string EntityType, string SourceId, string Payload) Pos(int n, Random random)
    {
        var person = People[random.Next(People.Length)];
        var parts = person.Split(' ');
        return ("customer", $"M-{5000 + n}", JsonSerializer.Serialize(new
        {
            member_number = $"M-{5000 + n}",
            given_name = parts[0],
            family_name = parts[1],
            email = $"{parts[0].ToLowerInvariant()}.{n}@example.org",
            points = random.Next(0, 500),
        }));
    }
}
