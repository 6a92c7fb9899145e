using SyncHub.Core.Validation;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Integrations;

public sealed record CreateIntegrationResult(CreateIntegrationOutcome Outcome, Integration? Integration = null, FieldErrors? Errors = null);
