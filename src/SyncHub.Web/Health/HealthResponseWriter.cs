using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SyncHub.Web.Health;

/// <summary>
/// <c>/readyz</c>'s body: the overall status and each check's status and short message. Exceptions and their
/// messages are never written (they may carry paths or connection details).
/// </summary>
internal static class HealthResponseWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }
}
