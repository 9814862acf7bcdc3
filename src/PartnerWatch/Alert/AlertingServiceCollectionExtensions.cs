using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PartnerWatch.Config;
using PartnerWatch.Fetch;
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
        AddWebhooks(services);
        services.TryAddSingleton<AlertDispatcher>();
        services.AddHostedService<AlertChannelStartupLog>();
        return services;
    }

    /// <summary>
    /// The webhook sink: two named HttpClients on the fetch stage's <see cref="GuardedConnector"/> (registered here too if
    /// <c>AddFetching()</c> was not called), one with the configured <see cref="IAddressPolicy"/> and one, for webhooks with
    /// <c>AllowPrivateNetwork</c>, with a policy that allows any address.
    /// </summary>
    private static void AddWebhooks(IServiceCollection services)
    {
        services.TryAddSingleton<IAddressPolicy, PublicAddressPolicy>();
        services.TryAddSingleton<GuardedConnector>();
        services.AddHttpClient(WebhookSender.GuardedClientName, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(sp => CreateHandler(sp.GetRequiredService<GuardedConnector>()));
        services.AddHttpClient(WebhookSender.PrivateNetworkClientName, ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(sp => CreateHandler(
                new GuardedConnector(new AnyAddressPolicy(), sp.GetRequiredService<ILogger<GuardedConnector>>())));
        services.TryAddSingleton<WebhookPayloads>();
        services.TryAddSingleton<WebhookSender>();
    }

    private static void ConfigureClient(HttpClient client)
    {
        var version = typeof(WebhookSender).Assembly.GetName().Version?.ToString(3) ?? "0";
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"PartnerWatch/{version}");
    }

    private static SocketsHttpHandler CreateHandler(GuardedConnector connector) => new()
    {
        // A redirect would be a second request to an address nobody configured; the sender reports 3xx instead.
        AllowAutoRedirect = false,
        // A proxy would resolve the target itself and bypass the address guard.
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = connector.ConnectAsync,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };
}

/// <summary>Says once at start where alerts will go (never the credentials).</summary>
internal sealed partial class AlertChannelStartupLog(IAlertSender sender, PartnerWatchOptions options, ILogger<AlertChannelStartupLog> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            // Host only: chat webhooks carry their secret in the path.
            var webhook = options.Webhooks[i];
            var host = Uri.TryCreate(webhook?.Url, UriKind.Absolute, out var url) ? url.Host : "(invalid URL)";
            LogWebhook(RelationalScanStore.WebhookSink(i), host, webhook?.Format ?? "json", !string.IsNullOrEmpty(webhook?.Secret));
        }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts also go to {Sink} at {WebhookHost} as {WebhookFormat} (signed: {Signed})")]
    private partial void LogWebhook(string sink, string webhookHost, string webhookFormat, bool signed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alerts go to {AlertSender}")]
    private partial void LogOther(string alertSender);
}
