using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Store;

namespace PartnerWatch.Alert;

public static class AlertingServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AlertComposer"/>, <see cref="AlertDispatcher"/> and the <see cref="IAlertSender"/>: SMTP when
    /// <c>PartnerWatch:Smtp:Host</c> is set, else the outbox folder in the data directory. Needs <see cref="IScanStore"/>
    /// (<c>AddStorage()</c>).
    /// </summary>
    public static IServiceCollection AddAlerting(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => DataDirectory.FromOptions(sp.GetRequiredService<PartnerWatchOptions>()));
        services.TryAddSingleton<AlertComposer>();
        services.TryAddSingleton<IAlertSender>(sp =>
        {
            var options = sp.GetRequiredService<PartnerWatchOptions>();
            return string.IsNullOrWhiteSpace(options.Smtp.Host)
                ? new OutboxFolderSender(sp.GetRequiredService<DataDirectory>())
                : new SmtpAlertSender(options, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<AlertDispatcher>();
        services.AddHostedService<AlertChannelStartupLog>();
        return services;
    }
}

/// <summary>Says once at start where alerts will go (never the credentials).</summary>
internal sealed partial class AlertChannelStartupLog(IAlertSender sender, ILogger<AlertChannelStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        switch (sender)
        {
            case SmtpAlertSender smtp:
                LogSmtp(smtp.Smtp.Host!, smtp.Smtp.Port, smtp.Smtp.Security.ToString(), smtp.Smtp.To.Count,
                    string.IsNullOrEmpty(smtp.Smtp.UserName) ? "none" : "user name and password");
                break;
            case OutboxFolderSender outbox:
                LogOutbox(outbox.Folder);
                break;
            default:
                LogOther(sender.GetType().Name);
                break;
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts go by SMTP to {SmtpHost}:{SmtpPort} (security {SmtpSecurity}, {RecipientCount} recipients, authentication {SmtpAuthentication})")]
    private partial void LogSmtp(string smtpHost, int smtpPort, string smtpSecurity, int recipientCount, string smtpAuthentication);

    [LoggerMessage(Level = LogLevel.Information, Message = "No PartnerWatch:Smtp:Host set: alerts are written as .eml files to {OutboxFolder}")]
    private partial void LogOutbox(string outboxFolder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts go to {AlertSender}")]
    private partial void LogOther(string alertSender);
}
