using SyncHub.Connectors;

namespace SyncHub.Connectors.Square;

public sealed partial class SquareGateway : IConnectionTest
{
    /// <summary>Lists one customer (ListCustomers): proves the token is accepted and may read customers; changes nothing.</summary>
    public async Task<ConnectionTestResult> TestConnectionAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var (square, problem) = SquareSettings.Read(settings);
        if (square is null)
        {
            return ConnectionTestResult.Failed(ErrorClass.ConnectorFault, problem!);
        }

        var answer = await new SquareClient(_services.Http, _services.Time, square).ListOneCustomerAsync(cancellationToken);
        LogConnectionTested(integrationSlug, answer.Status);
        return answer.IsSuccess
            ? ConnectionTestResult.Ok($"Connected to Square at {square.BaseUrl.Host}; customers can be read.")
            : ConnectionTestResult.Failed(HttpErrorClassifier.Classify(answer.Status), SquareErrors.Message(answer, "list customers"));
    }
}
