using Microsoft.Extensions.Logging;
using SyncHub.Connectors;

namespace SyncHub.Connectors.Xero.Auth;

/// <summary>Token events. Never a token, secret or the token endpoint's body.</summary>
internal static partial class TokenLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Refreshed the Xero access token of {Integration}; it expires at {ExpiresAt:O}")]
    public static partial void Refreshed(this ILogger logger, string integration, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Xero did not refresh the token of {Integration}: HTTP {HttpStatus} ({ErrorClass})")]
    public static partial void RefreshRefused(this ILogger logger, string integration, int? httpStatus, ErrorClass errorClass);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach Xero's token endpoint for {Integration} ({ExceptionType})")]
    public static partial void RefreshUnreachable(this ILogger logger, string integration, string exceptionType);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not save the rotated Xero tokens of {Integration} ({ExceptionType}); they are kept in memory only, so a restart needs a re-authorisation")]
    public static partial void SaveFailed(this ILogger logger, string integration, string exceptionType);
}
