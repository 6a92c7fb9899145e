using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SyncHub.Data.Entities;

namespace SyncHub.Data.EntityConfigurations;

internal sealed class RecordCountConfiguration : IEntityTypeConfiguration<RecordCount>
{
    public void Configure(EntityTypeBuilder<RecordCount> builder)
    {
        // No foreign key to Integrations: deleting an integration cascades to its records, whose delete triggers
        // still move these rows; a key here would make the order of the two cascades matter.
        builder.ToTable("RecordCounts");
        builder.HasKey(c => new { c.IntegrationId, c.Status, c.Archived });
    }
}
