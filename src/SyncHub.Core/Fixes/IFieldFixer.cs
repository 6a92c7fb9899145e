using System.Text.Json.Nodes;

namespace SyncHub.Core.Fixes;

/// <summary>One kind of automatic data-format fix: which payload keys it is for, and the fix itself (a pure function).</summary>
internal interface IFieldFixer
{
    /// <summary>The name used in <c>Integration.AutoFixes</c>: email, phone, date or amount.</summary>
    string Kind { get; }

    /// <summary>Whether a field name (normalised by <see cref="FieldKeys.Normalize"/>) suggests this kind of value.</summary>
    bool Suggests(string normalizedKey);

    /// <summary>The fixed value, or null when the value is already fine or cannot be fixed safely.</summary>
    /// <param name="value">The field's value.</param>
    /// <param name="siblings">The object holding the field, for fixes that need a neighbour (the amount's currency).</param>
    JsonNode? Fix(JsonValue value, JsonObject? siblings);
}
