namespace SyncHub.Data.Bookkeeping;

/// <summary>One column of a row set passed to a statement as a JSON array of objects.</summary>
public readonly record struct RowSetColumn(string Name, SqlType Type);
