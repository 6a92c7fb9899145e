namespace SyncHub.Connectors.Square;

/// <summary>Reads a request's connection settings and member body; says why, as an outcome, when either is unusable.</summary>
internal sealed class SquareRequestReader(ConnectorServices services)
{
    public (SquareClient? Client, Member? Member, DeliveryOutcome? Refused) Read(ConnectorSettings connection, string body, string sourceId)
    {
        var (settings, problem) = SquareSettings.Read(connection);
        if (settings is null)
        {
            return (null, null, DeliveryOutcome.Failed(ErrorClass.ConnectorFault, problem!));
        }

        var (member, problems) = MemberParser.Parse(body, sourceId);
        if (member is null)
        {
            var fields = string.Join(", ", problems.Select(p => p.Field).Distinct());
            return (null, null, DeliveryOutcome.Invalid($"The member cannot be sent to Square: check {fields}.", problems));
        }

        return (new SquareClient(services.Http, services.Time, settings), member, null);
    }
}
