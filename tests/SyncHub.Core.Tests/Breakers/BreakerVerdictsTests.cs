using Shouldly;
using SyncHub.Connectors;
using SyncHub.Core.Breakers;

namespace SyncHub.Core.Tests.Breakers;

public sealed class BreakerVerdictsTests
{
    [Theory]
    [InlineData(ErrorClass.Transient, BreakerVerdict.Unhealthy)]
    [InlineData(ErrorClass.ServerError, BreakerVerdict.Unhealthy)]
    [InlineData(ErrorClass.RateLimited, BreakerVerdict.Unhealthy)]
    [InlineData(ErrorClass.Authentication, BreakerVerdict.Unhealthy)]
    [InlineData(ErrorClass.Validation, BreakerVerdict.Answered)]
    [InlineData(ErrorClass.Duplicate, BreakerVerdict.Answered)]
    [InlineData(ErrorClass.NotFound, BreakerVerdict.Answered)]
    [InlineData(ErrorClass.Transform, BreakerVerdict.NoVerdict)]
    [InlineData(ErrorClass.ConnectorFault, BreakerVerdict.NoVerdict)]
    public void Of_ErrorClass_SaysWhetherTheDestinationIsUnhealthy(ErrorClass errorClass, BreakerVerdict expected) =>
        BreakerVerdicts.Of(DeliveryOutcome.Failed(errorClass, "no")).ShouldBe(expected);

    [Fact]
    public void Of_Delivered_IsHealthy() => BreakerVerdicts.Of(DeliveryOutcome.Delivered("EXT-1", 201)).ShouldBe(BreakerVerdict.Healthy);
}
