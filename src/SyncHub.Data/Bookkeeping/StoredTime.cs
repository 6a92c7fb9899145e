using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SyncHub.Data.Bookkeeping;

/// <summary>A time as both stores hold it (the model's DateTimeOffset-to-binary conversion), for hand-written SQL.</summary>
public static class StoredTime
{
    private static readonly DateTimeOffsetToBinaryConverter Converter = new();

    public static long Of(DateTimeOffset time) => (long)Converter.ConvertToProvider(time)!;
}
