using Microsoft.Data.Sqlite;

namespace SyncHub.Web.Api;

/// <summary>
/// A full disk or an unwritable database is the operator's problem, not the caller's: the API answers 503 with
/// Retry-After and says so; the transaction was rolled back, so nothing is half-written.
/// </summary>
internal sealed partial class StorageFaultFilter(ILogger<StorageFaultFilter> logger) : IEndpointFilter
{
    private const int SqliteFull = 13;
    private const int SqliteIoError = 10;
    private const int SqliteReadOnly = 8;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (StorageFault(ex) is { } fault)
        {
            LogStorageFault(ex, fault.SqliteErrorCode);
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Storage unavailable",
                detail: "SyncHub cannot write to its database (the disk may be full). Nothing from this request was stored; try again once an administrator has freed space.");
        }
    }

    // EF wraps the provider's exception (DbUpdateException); look through the chain.
    private static SqliteException? StorageFault(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SqliteException { SqliteErrorCode: SqliteFull or SqliteIoError or SqliteReadOnly } sqlite)
            {
                return sqlite;
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The database refused a write (SQLite error {SqliteError}); the disk may be full")]
    private partial void LogStorageFault(Exception exception, int sqliteError);
}
