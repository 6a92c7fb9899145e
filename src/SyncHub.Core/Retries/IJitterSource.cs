namespace SyncHub.Core.Retries;

/// <summary>A number in [0, 1) that spreads retries out; tests pin it.</summary>
public interface IJitterSource
{
    double Next();
}
