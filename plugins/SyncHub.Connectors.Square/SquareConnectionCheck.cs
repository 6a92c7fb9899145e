using Microsoft.Extensions.Logging;

namespace SyncHub.Connectors.Square;

/// <summary>Lists one customer (ListCustomers): proves the token is accepted and may read customers; changes nothing.</summary>
internal sealed partial class SquareConnectionCheck(ConnectorServices services, ILogger logger)
{
    public async Task<ConnectionTestResult> TestAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        var (square, problem) = SquareSettings.Read(settings);
        if (square is null)
        {
            return ConnectionTestResult.Failed(ErrorClass.ConnectorFault, problem!);
        }

        var answer = await new SquareClient(services.Http, services.Time, square).ListOneCustomerAsync(cancellationToken);
        LogConnectionTested(integrationSlug, answer.Status);
        return answer.IsSuccess
            ? ConnectionTestResult.Ok($"Connected to Square at {square.BaseUrl.Host}; customers can be read.")
            : ConnectionTestResult.Failed(HttpErrorClassifier.Classify(answer.Status), SquareErrors.Message(answer, "list customers"));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Square connection test of {Integration} answered HTTP {HttpStatus}")]
    private partial void LogConnectionTested(string integration, int httpStatus);
}
