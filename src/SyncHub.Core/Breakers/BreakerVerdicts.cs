using SyncHub.Connectors;

namespace SyncHub.Core.Breakers;

/// <summary>Which error classes mean the destination is unhealthy; the others are the record's fault.</summary>
public static class BreakerVerdicts
{
    public static BreakerVerdict Of(DeliveryOutcome outcome) => outcome.IsDelivered ? BreakerVerdict.Healthy : Of(outcome.ErrorClass);

    public static BreakerVerdict Of(ErrorClass errorClass) => errorClass switch
    {
        ErrorClass.None => BreakerVerdict.Healthy,
        ErrorClass.Transient or ErrorClass.ServerError or ErrorClass.RateLimited or ErrorClass.Authentication => BreakerVerdict.Unhealthy,
        ErrorClass.Transform or ErrorClass.ConnectorFault => BreakerVerdict.NoVerdict,
        _ => BreakerVerdict.Answered,
    };
}
