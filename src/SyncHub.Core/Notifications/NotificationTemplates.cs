using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications;

/// <summary>The default subject and body per event kind, in Scriban; a channel may replace either.</summary>
public static class NotificationTemplates
{
    public const string DefaultSubject =
        "[SyncHub] {{ title }}{{ if integration }} · {{ integration }}{{ end }}{{ if count > 1 }} ({{ count }}×){{ end }}";

    public const string DefaultBody = """
        {{ title }}{{ if integration }} ({{ integration }}){{ end }}
        {{ detail }}
        {{ if count > 1 }}Happened {{ count }} times between {{ first_at }} and {{ last_at }} UTC.
        {{ else }}At {{ last_at }} UTC.
        {{ end }}{{ if link }}Open: {{ link }}{{ end }}
        """;

    private const string DeadLetterSubject =
        "[SyncHub] {{ count }} {{ if count == 1 }}record became a dead letter{{ else }}records became dead letters{{ end }}{{ if integration }} · {{ integration }}{{ end }}";

    private const string DeadLetterBody = """
        {{ count }} {{ if count == 1 }}record{{ else }}records{{ end }} of {{ integration }} used up {{ if count == 1 }}its{{ else }}their{{ end }} automatic retries between {{ first_at }} and {{ last_at }} UTC and wait in the dead-letter queue.
        Latest error: {{ detail }}
        {{ if link }}Open: {{ link }}{{ end }}
        """;

    public static string SubjectFor(NotificationEventKinds kind) => kind == NotificationEventKinds.DeadLettered ? DeadLetterSubject : DefaultSubject;

    public static string BodyFor(NotificationEventKinds kind) => kind == NotificationEventKinds.DeadLettered ? DeadLetterBody : DefaultBody;
}
