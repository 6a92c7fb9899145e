using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace SyncHub.Data.Bookkeeping;

/// <summary>
/// Writes a row set as the JSON array of objects <see cref="StoreDialect.RowSet"/> reads: one parameter for any number of
/// rows, written straight into one buffer. Buffers are reused across row sets (the engine writes several per group), so a
/// group's rows do not grow a new buffer from scratch each time.
/// </summary>
public sealed class JsonRows : IDisposable
{
    private const int MaxPooledBuffers = 16;
    private const int MaxPooledBytes = 1024 * 1024;

    private static readonly ConcurrentBag<ArrayBufferWriter<byte>> Buffers = [];

    private readonly StoreDialect _dialect;
    private readonly ArrayBufferWriter<byte> _buffer;
    private readonly Utf8JsonWriter _writer;
    private bool _disposed;

    public JsonRows(StoreDialect dialect)
    {
        _dialect = dialect;
        _buffer = Buffers.TryTake(out var pooled) ? pooled : new ArrayBufferWriter<byte>(4096);
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartArray();
    }

    public int Count { get; private set; }

    public JsonRows Row()
    {
        if (Count > 0)
        {
            _writer.WriteEndObject();
        }

        _writer.WriteStartObject();
        Count++;
        return this;
    }

    public JsonRows Long(string name, long? value)
    {
        if (value is { } v)
        {
            _writer.WriteNumber(name, v);
        }
        else
        {
            _writer.WriteNull(name);
        }

        return this;
    }

    public JsonRows Int(string name, int? value) => Long(name, value);

    public JsonRows Bool(string name, bool value)
    {
        _writer.WriteBoolean(name, value);
        return this;
    }

    public JsonRows Text(string name, string? value)
    {
        if (value is null)
        {
            _writer.WriteNull(name);
        }
        else
        {
            _writer.WriteString(name, value);
        }

        return this;
    }

    public JsonRows Guid(string name, Guid? value) => Text(name, value is { } v ? _dialect.GuidText(v) : null);

    public JsonRows Time(string name, DateTimeOffset? value) => Long(name, value is { } v ? StoredTime.Of(v) : null);

    /// <summary>Closes the array and returns it; call once, after the last row.</summary>
    public string Finish()
    {
        if (Count > 0)
        {
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer.Dispose();
        if (_buffer.Capacity <= MaxPooledBytes && Buffers.Count < MaxPooledBuffers)
        {
            _buffer.ResetWrittenCount();
            Buffers.Add(_buffer);
        }
    }
}
