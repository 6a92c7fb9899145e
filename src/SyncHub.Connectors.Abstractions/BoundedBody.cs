using System.Buffers;

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

        // Most answers announce a small length: read them straight into an array of that size, with no buffer per call.
        if (content.Headers.ContentLength is { } announced && announced <= maxBytes)
        {
            return announced == 0 ? [] : await ReadAnnouncedAsync(stream, (int)announced, cancellationToken).ConfigureAwait(false);
        }

        return await ReadChunkedAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadAnnouncedAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        var body = new byte[length];
        var filled = 0;
        while (filled < length)
        {
            var read = await stream.ReadAsync(body.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                // Shorter than announced: what arrived is the body.
                return body[..filled];
            }

            filled += read;
        }

        return body;
    }

    private static async Task<byte[]> ReadChunkedAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(Math.Min(ChunkBytes, maxBytes));
        try
        {
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
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
