namespace SyncHub.Data;

/// <summary>Tells a command that changes the database from one that only reads it, by the first word of each statement.</summary>
internal static class WriteStatement
{
    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "INSERT", "UPDATE", "DELETE", "REPLACE", "UPSERT", "MERGE", "CREATE", "DROP", "ALTER", "TRUNCATE",
    };

    private static readonly HashSet<string> VerbsAfterCte = new(StringComparer.OrdinalIgnoreCase) { "INSERT", "UPDATE", "DELETE", "REPLACE" };

    private static readonly char[] Separators = [' ', '\t', '\r', '\n', '(', ')', ','];

    /// <summary>True when any statement in <paramref name="sql"/> writes (a batch may read first, then write).</summary>
    public static bool Writes(string sql)
    {
        for (var start = 0; start < sql.Length; start = sql.IndexOf(';', start) is var end and >= 0 ? end + 1 : sql.Length)
        {
            var word = FirstWord(sql, start);
            if (Verbs.Contains(word)
                || (word.Equals("WITH", StringComparison.OrdinalIgnoreCase) && sql.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Any(VerbsAfterCte.Contains)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The statement's first words, comments left out, for a message that points at the writer.</summary>
    public static string Opening(string sql)
    {
        var text = sql[SkipComments(sql, 0)..].ReplaceLineEndings(" ");
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6);
        return string.Join(' ', words);
    }

    private static string FirstWord(string sql, int start)
    {
        var from = SkipComments(sql, start);
        var to = from;
        while (to < sql.Length && char.IsAsciiLetter(sql[to]))
        {
            to++;
        }

        return sql[from..to];
    }

    // EF puts query tags first as "-- " lines; hand-written SQL may open with a block comment.
    private static int SkipComments(string sql, int at)
    {
        while (true)
        {
            while (at < sql.Length && char.IsWhiteSpace(sql[at]))
            {
                at++;
            }

            if (string.CompareOrdinal(sql, at, "--", 0, 2) == 0)
            {
                at = sql.IndexOf('\n', at) is var line and >= 0 ? line + 1 : sql.Length;
            }
            else if (string.CompareOrdinal(sql, at, "/*", 0, 2) == 0)
            {
                at = sql.IndexOf("*/", at, StringComparison.Ordinal) is var close and >= 0 ? close + 2 : sql.Length;
            }
            else
            {
                return at;
            }
        }
    }
}
