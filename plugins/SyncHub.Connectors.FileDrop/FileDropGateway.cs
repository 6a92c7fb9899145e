using System.Text.Json;
using SyncHub.Connectors;

namespace SyncHub.Connectors.FileDrop;

/// <summary>
/// The sample connector of docs/writing-a-connector.md: writes each record as a JSON file into a folder that
/// another system imports from. The file is named by the idempotency key, so a repeated attempt finds its own
/// file instead of writing a second one.
/// </summary>
public sealed class FileDropGateway : IConnectorGateway, IRecordLookup, IConnectionTest
{
    /// <inheritdoc />
    public ConnectorInfo Info { get; } = new("file-drop", "File drop (folder)", "1.0.0")
    {
        Settings = [new SettingField("folder", "Folder") { Kind = SettingKind.AbsolutePath, Required = true, Help = "An absolute path the SyncHub process may write to." }],
        RateLimits = new ConnectorRateLimits { MaxConcurrent = 4 },
        Capabilities = ConnectorCapabilities.Lookup | ConnectorCapabilities.TestConnection,
    };

    /// <inheritdoc />
    public async Task<DeliveryOutcome> DeliverAsync(DeliveryRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Folder(request.Settings) is not { } folder)
        {
            return DeliveryOutcome.Invalid("Setting 'folder' must be an absolute path.", [new FieldProblem("folder", "must be an absolute path.")]);
        }

        using (var body = JsonDocument.Parse(request.Body))
        {
            if (body.RootElement.ValueKind != JsonValueKind.Object)
            {
                return DeliveryOutcome.Invalid("The mapped record is not a JSON object.", [new FieldProblem("$", "must be an object.")]);
            }
        }

        var path = PathFor(folder, request.EntityType, request.IdempotencyKey);
        if (File.Exists(path))
        {
            return DeliveryOutcome.Delivered(Path.GetFileName(path));
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Write aside, then move: an importer never sees half a file, and a crash leaves no file to mistake for a delivery.
            var temporary = path + ".tmp";
            await File.WriteAllTextAsync(temporary, request.Body, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return DeliveryOutcome.Delivered(Path.GetFileName(path));
        }
        catch (UnauthorizedAccessException)
        {
            return DeliveryOutcome.Failed(ErrorClass.Authorization, $"SyncHub may not write to '{folder}'.");
        }
        catch (IOException ex)
        {
            // A full disk or a locked file passes; SyncHub retries with backoff.
            return DeliveryOutcome.Failed(ErrorClass.Transient, "Could not write the file: " + ex.Message);
        }
    }

    /// <inheritdoc />
    public Task<LookupOutcome> LookupAsync(LookupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Folder(request.Settings) is not { } folder ? LookupOutcome.NotSupported()
            : File.Exists(PathFor(folder, request.EntityType, request.IdempotencyKey)) ? LookupOutcome.Found(request.IdempotencyKey + ".json")
            : LookupOutcome.NotFound());
    }

    /// <inheritdoc />
    public Task<ConnectionTestResult> TestConnectionAsync(string integrationSlug, ConnectorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (Folder(settings) is not { } folder || !Directory.Exists(folder))
        {
            return Task.FromResult(ConnectionTestResult.Failed(ErrorClass.Validation, "The folder does not exist."));
        }

        return Task.FromResult(ConnectionTestResult.Ok($"Folder '{folder}' exists."));
    }

    // SyncHub refuses other folders when the integration is saved; an older row is refused here.
    private static string? Folder(ConnectorSettings settings) =>
        settings.GetString("folder") is { Length: > 0 } folder && Path.IsPathFullyQualified(folder) && !folder.Split('/', '\\').Contains("..") ? folder : null;

    // Entity types and keys come from outside: keep only safe characters so a name can never leave the folder.
    private static string PathFor(string folder, string entityType, string key) =>
        Path.Combine(folder, Safe(entityType), Safe(key) + ".json");

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')).TrimStart('.');
}
