using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using PartnerWatch.Config;

namespace PartnerWatch.Alert;

/// <summary>Sends alert e-mails through the configured SMTP server, one connection per message.</summary>
internal sealed class SmtpAlertSender(PartnerWatchOptions options, TimeProvider timeProvider) : IAlertSender
{
    public SmtpOptions Smtp => options.Smtp;

    public async Task SendAsync(long alertId, MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException("PartnerWatch:Smtp:Host is empty; the SMTP sender cannot be used.");
        }

        var timeout = smtp.Timeout > TimeSpan.Zero ? smtp.Timeout : TimeSpan.FromSeconds(30);
        // SmtpClient.Timeout bounds each read/write; this bounds the whole exchange, so a server that trickles
        // bytes cannot hold the dispatcher forever.
        using var overall = new CancellationTokenSource(timeout * 4, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, overall.Token);
        using var client = new SmtpClient { Timeout = (int)Math.Min(timeout.TotalMilliseconds, int.MaxValue) };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, ToSocketOptions(smtp.Security), linked.Token);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", linked.Token);
            }

            await client.SendAsync(message, linked.Token);
            await client.DisconnectAsync(quit: true, linked.Token);
        }
        catch (OperationCanceledException) when (overall.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"SMTP delivery to {smtp.Host}:{smtp.Port} took longer than {timeout * 4}.");
        }
    }

    internal static SecureSocketOptions ToSocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
