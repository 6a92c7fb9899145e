using SyncHub.Core.Delivery.Claiming;
using SyncHub.Core.Mapping;

namespace SyncHub.Core.Delivery.Sending;

/// <summary>The render stage: the body a held record is sent with, through its integration's mapping for its entity type.</summary>
internal sealed class PayloadRenderer(RecordMapper mapper)
{
    public MappingResult Render(ClaimedRecord work) => mapper.Render(
        MappingTemplates.For(work.Integration.Entity, work.Record.EntityType), work.Record.Payload, work.Record.EntityType, work.Record.SourceId,
        work.Integration.MappingDefaults);
}
