using System.Reflection;
using Shouldly;
using SyncHub.Core.Audit;

namespace SyncHub.Core.Tests.Audit;

public sealed class AuditLabelsTests
{
    /// <summary>
    /// Every action SyncHub can write is declared as a constant of an <c>…AuditActions</c> class; each needs words on the
    /// audit page and a place in its action filter, or an administrator cannot find it.
    /// </summary>
    [Fact]
    public void Known_EveryDeclaredAuditAction_HasALabel()
    {
        var actions = typeof(AuditLabels).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("AuditActions", StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Distinct()
            .ToList();

        actions.Count.ShouldBeGreaterThan(30);
        actions.Where(a => !AuditLabels.Known.ContainsKey(a)).ShouldBeEmpty();
    }
}
