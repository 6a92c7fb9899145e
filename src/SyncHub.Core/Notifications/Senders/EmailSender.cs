using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SyncHub.Data.Entities;

namespace SyncHub.Core.Notifications.Senders;

/// <summary>Sends a plain-text e-mail through the channel's SMTP server (MailKit).</summary>
public sealed class EmailSender : INotificationSender
{
    public bool Handles(NotificationChannelKind kind) => kind == NotificationChannelKind.Email;

    public async Task<NotificationSendResult> SendAsync(NotificationChannelKind kind, ChannelSettings settings, OutgoingNotification message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Host) || !MailboxAddress.TryParse(settings.From, out var from) || settings.To.Count == 0)
        {
            return NotificationSendResult.Failed("The channel needs an SMTP server, a sender and at least one recipient.");
        }

        var mail = new MimeMessage();
        mail.From.Add(from);
        foreach (var to in settings.To)
        {
            if (MailboxAddress.TryParse(to, out var address))
            {
                mail.To.Add(address);
            }
        }

        mail.Subject = message.Subject;
        mail.Body = new TextPart("plain") { Text = message.Body };

        using var smtp = new SmtpClient();
        try
        {
            await smtp.ConnectAsync(settings.Host, settings.Port, Security(settings.Security), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Username))
            {
                await smtp.AuthenticateAsync(settings.Username, settings.Password ?? "", cancellationToken);
            }

            await smtp.SendAsync(mail, cancellationToken);
            await smtp.DisconnectAsync(true, cancellationToken);
            return NotificationSendResult.Ok;
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or System.Security.Authentication.AuthenticationException or MailKit.Security.AuthenticationException
            or SocketException or IOException or ServiceNotConnectedException or SslHandshakeException or NotSupportedException)
        {
            return NotificationSendResult.Failed($"SMTP {settings.Host}:{settings.Port}: {e.Message}");
        }
    }

    private static SecureSocketOptions Security(string security) => security switch
    {
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
