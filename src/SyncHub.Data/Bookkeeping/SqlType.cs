namespace SyncHub.Data.Bookkeeping;

/// <summary>The column types a hand-written row set carries.</summary>
public enum SqlType
{
    Long,
    Int,
    Text,
    Bool,
    Guid,
}
