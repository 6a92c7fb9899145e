using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace SyncHub.Data;

/// <summary>One column of an <see cref="InsertStatement"/>: the property, how EF converts and binds it, and its parameter.</summary>
internal sealed record InsertColumn(IProperty Property, RelationalTypeMapping Mapping, string Parameter);
