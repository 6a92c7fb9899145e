namespace SyncHub.Web.Storage;

/// <summary>The store behind SyncHub (<c>SyncHub:Database:Provider</c>).</summary>
internal enum DatabaseProvider
{
    /// <summary>An embedded file; one node. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by any number of nodes.</summary>
    Postgres,
}
