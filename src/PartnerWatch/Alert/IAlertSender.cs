using MimeKit;

namespace PartnerWatch.Alert;

/// <summary>Where alert e-mails go: an SMTP server, or the outbox folder when none is configured.</summary>
public interface IAlertSender
{
    /// <summary>
    /// Delivers the message or throws; the outbox retries later. <paramref name="alertId"/> identifies the alert,
    /// so a sender can recognise a resend after a crash between delivery and bookkeeping.
    /// </summary>
    Task SendAsync(long alertId, MimeMessage message, CancellationToken cancellationToken);
}
