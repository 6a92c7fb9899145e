namespace SyncHub.Connectors;

/// <summary>
/// Reads an HTTP answer's body up to a limit: a misbehaving endpoint must not exhaust the host's memory.
/// What lies past the limit is left unread.
/// </summary>
public static class BoundedBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>At most the first <paramref name="maxBytes"/> bytes of <paramref name="content"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxBytes"/> is less than 1.</exception>
    public static async Task<byte[]> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, 1);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[Math.Min(ChunkBytes, maxBytes)];
        while (buffer.Length < maxBytes)
        {
            var wanted = (int)Math.Min(chunk.Length, maxBytes - buffer.Length);
            var read = await stream.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
