namespace SyncHub.Processes;

/// <summary>The last lines a process wrote, kept so a failure can say what the process said before it.</summary>
public sealed class OutputTail(int lines = 40)
{
    private readonly Queue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > lines)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString()
    {
        lock (_lines)
        {
            return string.Join(Environment.NewLine, _lines);
        }
    }
}
