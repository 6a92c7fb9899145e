namespace SyncHub.Connectors;

/// <summary>One field the destination refused, for example <c>Contact.EmailAddress</c>: "Email address must be valid."</summary>
/// <param name="Field">The field as the destination names it. Untrusted text.</param>
/// <param name="Message">What is wrong with it. Untrusted text.</param>
public sealed record FieldProblem(string Field, string Message);
