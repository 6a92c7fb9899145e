using Shouldly;
using SyncHub.Web.Hosting;

namespace SyncHub.Web.Tests.Hosting;

public sealed class ContentRootLocatorTests : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("synchub-content-root-");

    [Fact]
    public void CreateOptions_PublishedFolderStartedFromElsewhere_UsesTheApplicationFolder()
    {
        var app = _scratch.CreateSubdirectory("opt-synchub").FullName;
        var elsewhere = _scratch.CreateSubdirectory("home").FullName;

        var options = ContentRootLocator.CreateOptions(["--Urls=http://127.0.0.1:5080"], app, elsewhere);

        options.ContentRootPath.ShouldBe(app);
        options.WebRootPath.ShouldBeNull("the default, wwwroot under the content root");
        options.Args.ShouldBe(["--Urls=http://127.0.0.1:5080"]);
    }

    [Fact]
    public void CreateOptions_PublishedFolderWithExplicitContentRoot_LeavesTheArgumentInCharge()
    {
        var app = _scratch.CreateSubdirectory("opt-synchub").FullName;

        var options = ContentRootLocator.CreateOptions(["--contentRoot=/srv/synchub"], app, app);

        options.ContentRootPath.ShouldBeNull();
        options.Args.ShouldBe(["--contentRoot=/srv/synchub"]);
    }

    [Fact]
    public void CreateOptions_BuildOutputInsideTheRepository_UsesTheRepositoryRootAndItsWwwroot()
    {
        File.WriteAllText(Path.Combine(_scratch.FullName, "SyncHub.sln"), "");
        var output = _scratch.CreateSubdirectory(Path.Combine("src", "SyncHub.Web", "bin", "Release", "net10.0")).FullName;

        var options = ContentRootLocator.CreateOptions(["--contentRoot", "src/SyncHub.Web", "--x=1"], output, "/");

        options.ContentRootPath.ShouldBe(_scratch.FullName);
        options.WebRootPath.ShouldBe(Path.Combine(_scratch.FullName, "wwwroot"));
        options.Args.ShouldBe(["--x=1"], "a test host's project-folder content root is replaced");
    }

    public void Dispose() => _scratch.Delete(recursive: true);
}
