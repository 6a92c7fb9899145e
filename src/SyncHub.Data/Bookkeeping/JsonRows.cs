using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace SyncHub.Data.Bookkeeping;

/// <summary>
/// Writes a row set as the JSON array <see cref="StoreDialect.RowSet"/> reads: one parameter for any number of rows,
/// written straight into one buffer. On SQLite each row is an array in column order (reading a field by position from
/// <c>jsonb_each</c> costs a fraction of looking it up by name); on PostgreSQL an object per row. Values are written by
/// name either way and checked against the columns, so a row that does not match the statement fails here, on both
/// stores, instead of reading the wrong field. Buffers are reused across row sets (the engine writes several per group).
/// </summary>
public sealed class JsonRows : IDisposable
{
    private const int MaxPooledBuffers = 16;
    private const int MaxPooledBytes = 1024 * 1024;

    private static readonly ConcurrentBag<ArrayBufferWriter<byte>> Buffers = [];

    private readonly StoreDialect _dialect;
    private readonly IReadOnlyList<RowSetColumn> _columns;
    private readonly ArrayBufferWriter<byte> _buffer;
    private readonly Utf8JsonWriter _writer;
    private int _column;
    private bool _disposed;

    public JsonRows(StoreDialect dialect, IReadOnlyList<RowSetColumn> columns)
    {
        _dialect = dialect;
        _columns = columns;
        _buffer = Buffers.TryTake(out var pooled) ? pooled : new ArrayBufferWriter<byte>(4096);
        _writer = new Utf8JsonWriter(_buffer);
        _writer.WriteStartArray();
    }

    public int Count { get; private set; }

    public JsonRows Row()
    {
        if (Count > 0)
        {
            EndRow();
        }

        if (_dialect.PositionalRows)
        {
            _writer.WriteStartArray();
        }
        else
        {
            _writer.WriteStartObject();
        }

        _column = 0;
        Count++;
        return this;
    }

    public JsonRows Long(string name, long? value)
    {
        Field(name);
        if (value is { } v)
        {
            _writer.WriteNumberValue(v);
        }
        else
        {
            _writer.WriteNullValue();
        }

        return this;
    }

    public JsonRows Int(string name, int? value) => Long(name, value);

    public JsonRows Bool(string name, bool value)
    {
        Field(name);
        _writer.WriteBooleanValue(value);
        return this;
    }

    public JsonRows Text(string name, string? value)
    {
        Field(name);
        if (value is null)
        {
            _writer.WriteNullValue();
        }
        else
        {
            _writer.WriteStringValue(value);
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
            EndRow();
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

    private void Field(string name)
    {
        if (_column >= _columns.Count || !string.Equals(_columns[_column].Name, name, StringComparison.Ordinal))
        {
            var expected = _column < _columns.Count ? _columns[_column].Name : "no more columns";
            throw new InvalidOperationException($"Row set field '{name}' written where the statement reads '{expected}'.");
        }

        _column++;
        if (!_dialect.PositionalRows)
        {
            _writer.WritePropertyName(name);
        }
    }

    private void EndRow()
    {
        if (_column != _columns.Count)
        {
            throw new InvalidOperationException($"Row set row has {_column} of its {_columns.Count} fields; the next one is '{_columns[_column].Name}'.");
        }

        if (_dialect.PositionalRows)
        {
            _writer.WriteEndArray();
        }
        else
        {
            _writer.WriteEndObject();
        }
    }
}
