using MimeKit;

namespace PartnerWatch.Alert;

/// <summary>Where alert e-mails go: an SMTP server, or the outbox folder when none is configured.</summary>
public interface IAlertSender
{
    /// <summary>Delivers the message or throws; the outbox retries later.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
