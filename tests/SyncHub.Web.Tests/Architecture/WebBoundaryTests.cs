using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using SyncHub.Data;
using SyncHub.Data.Entities;
using SyncHub.Processes;

namespace SyncHub.Web.Tests.Architecture;

/// <summary>
/// Core is the boundary: pages and API endpoints read and write through Core's services (read models in, commands out),
/// never through the DbContext. Web references the store only for wiring: hosting, health checks, start-up.
/// </summary>
public sealed partial class WebBoundaryTests
{
    private static readonly string[] BoundaryFolders = ["src/SyncHub.Web/Pages", "src/SyncHub.Web/Api"];

    /// <summary>
    /// Page and API types that still take or expose EF entities in their members. The list only shrinks: a type that
    /// starts using an entity fails the test, and so does one listed here that no longer does.
    /// </summary>
    private static readonly string[] StillUsingEntities =
    [
        "SyncHub.Web.Api.AlertsApi",
        "SyncHub.Web.Api.ApiMapping",
        "SyncHub.Web.Api.IntegrationChangesApi",
        "SyncHub.Web.Api.IntegrationSettingsPatch",
        "SyncHub.Web.Api.NotificationChannelMapping",
        "SyncHub.Web.Pages.Alerts.IndexModel",
        "SyncHub.Web.Pages.Alerts.Partials.Pages_Alerts_Partials__AlertTable",
        "SyncHub.Web.Pages.Failed.FailedListView",
        "SyncHub.Web.Pages.Failed.FailedRetryActions",
        "SyncHub.Web.Pages.Failed.OperationProgressLoader",
        "SyncHub.Web.Pages.Failed.OperationProgressView",
        "SyncHub.Web.Pages.Integrations.EditModel",
        "SyncHub.Web.Pages.Integrations.IndexModel",
        "SyncHub.Web.Pages.Integrations.IntegrationForm",
        "SyncHub.Web.Pages.Integrations.MappingForm",
        "SyncHub.Web.Pages.Integrations.MappingModel",
        "SyncHub.Web.Pages.Notifications.ChannelForm",
        "SyncHub.Web.Pages.Notifications.IndexModel",
        "SyncHub.Web.Pages.Reconcile.DifferenceListView",
        "SyncHub.Web.Pages.Reconcile.IndexModel",
        "SyncHub.Web.Pages.Reconcile.ResyncPanelView",
        "SyncHub.Web.Pages.Runs.IndexModel",
        "SyncHub.Web.Pages.Runs.Partials.Pages_Runs_Partials__RunBreakdown",
    ];

    [Fact]
    public void PagesAndApi_Sources_DoNotUseTheDbContext()
    {
        var offenders = BoundarySources().Where(f => DbContextUse().IsMatch(f.Text)).Select(f => f.Path).ToList();

        offenders.ShouldBeEmpty("read and write through a Core service instead");
    }

    [Fact]
    public void PagesAndApi_Types_TakeNoDbContext()
    {
        var offenders = BoundaryTypes().Where(t => Members(t).Any(m => Mentions(m, IsDbContext))).Select(Name).ToList();

        offenders.ShouldBeEmpty("read and write through a Core service instead");
    }

    [Fact]
    public void PagesAndApi_Types_UseNoEntitiesBeyondThoseListed()
    {
        var entities = EntityTypes();
        var users = BoundaryTypes().Where(t => Members(t).Any(m => Mentions(m, entities.Contains))).Select(Name).Order().ToList();

        users.Except(StillUsingEntities).ShouldBeEmpty("return a read model (a record) from a Core service instead of an entity");
        StillUsingEntities.Except(users).ShouldBeEmpty("this type no longer uses entities: take it off the list");
    }

    [Fact]
    public void TheRules_CatchWhatTheyForbid()
    {
        DbContextUse().IsMatch("public sealed class IndexModel(IDbContextFactory<SyncHubDbContext> dbFactory) : PageModel").ShouldBeTrue();
        DbContextUse().IsMatch("public sealed class IndexModel(ApiKeyService apiKeys) : PageModel").ShouldBeFalse();
        Members(typeof(LeakyModel)).Any(m => Mentions(m, IsDbContext)).ShouldBeTrue();
        Members(typeof(LeakyModel)).Any(m => Mentions(m, EntityTypes().Contains)).ShouldBeTrue();
        Members(typeof(CleanModel)).Any(m => Mentions(m, EntityTypes().Contains)).ShouldBeFalse();
    }

    private static IEnumerable<(string Path, string Text)> BoundarySources()
    {
        var root = RepositoryRoot.Find();
        return BoundaryFolders.SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.*", SearchOption.AllDirectories))
            .Where(p => p.EndsWith(".cs", StringComparison.Ordinal) || p.EndsWith(".cshtml", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllText(p)));
    }

    // The types as written (page models, views, forms, endpoints), not the state machines and closures the compiler makes of their bodies.
    private static IEnumerable<Type> BoundaryTypes() =>
        typeof(Program).Assembly.GetTypes().Where(t => t.Namespace is { } ns
            && (ns.StartsWith("SyncHub.Web.Pages", StringComparison.Ordinal) || ns.StartsWith("SyncHub.Web.Api", StringComparison.Ordinal))
            && !t.Name.Contains('<', StringComparison.Ordinal) && !t.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false));

    private static string Name(Type type) => type.FullName!.Replace('+', '.');

    private static HashSet<Type> EntityTypes() =>
        [.. typeof(SyncHubDbContext).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0])
            .Where(t => t.Namespace == typeof(Integration).Namespace && !IsIdentityType(t))];

    // The user type is ASP.NET Core Identity's, used through UserManager on the account pages.
    private static bool IsIdentityType(Type type) => type.BaseType?.Namespace == typeof(IdentityUser).Namespace;

    private static bool IsDbContext(Type type) => typeof(DbContext).IsAssignableFrom(type);

    /// <summary>Every type a member of <paramref name="type"/> declares: fields (primary constructor captures too), properties, parameters and results.</summary>
    private static IEnumerable<Type> Members(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return type.GetFields(All).Select(f => f.FieldType)
            .Concat(type.GetProperties(All).Select(p => p.PropertyType))
            .Concat(type.GetMethods(All).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
            .Concat(type.GetConstructors(All).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)));
    }

    private static bool Mentions(Type type, Func<Type, bool> forbidden) =>
        forbidden(type)
        || (type.HasElementType && Mentions(type.GetElementType()!, forbidden))
        || (type.IsGenericType && type.GetGenericArguments().Any(a => Mentions(a, forbidden)));

    [GeneratedRegex(@"\bSyncHubDbContext\b")]
    private static partial Regex DbContextUse();

    private sealed class LeakyModel(IDbContextFactory<SyncHubDbContext> dbFactory)
    {
        public IDbContextFactory<SyncHubDbContext> Factory => dbFactory;

        public IReadOnlyList<RetryOperation> Operations { get; } = [];
    }

    private sealed class CleanModel
    {
        public IReadOnlyList<string> Names { get; } = [];
    }
}
