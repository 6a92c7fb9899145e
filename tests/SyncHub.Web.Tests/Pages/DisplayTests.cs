using Shouldly;
using SyncHub.Connectors;
using SyncHub.Web.Pages;

namespace SyncHub.Web.Tests.Pages;

public sealed class DisplayTests
{
    [Theory]
    [InlineData(ErrorClass.Validation, 422, " 422")]
    [InlineData(ErrorClass.Transient, 503, " 503")]
    [InlineData(ErrorClass.Duplicate, 200, "")]
    [InlineData(ErrorClass.Transient, null, "")]
    public void ErrorBadge_ShowsOnlyAnErrorStatusBesideTheLabel(ErrorClass errorClass, int? status, string suffix)
    {
        Display.ErrorBadge(errorClass, status).ShouldBe(Display.ErrorLabel(errorClass) + suffix);
    }
}
