using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using PartnerWatch.Config;
using PartnerWatch.Fetch.Browser;
using Polly;

namespace PartnerWatch.Fetch;

public static class FetchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the guarded, resilient <see cref="WebFetcher"/>, the <see cref="SiteCrawler"/> and the browser renderer
    /// it uses for script-built pages.
    /// Expects <see cref="PartnerWatchOptions"/> and <see cref="TimeProvider"/> to be registered by the host.
    /// </summary>
    public static IServiceCollection AddFetching(this IServiceCollection services)
    {
        services.TryAddSingleton<IAddressPolicy, PublicAddressPolicy>();
        services.TryAddSingleton<GuardedConnector>();
        services.TryAddSingleton<FetchScope>();
        services.TryAddSingleton<HostRateLimiter>();
        services.TryAddSingleton<Robots.RobotsTxtCache>();
        services.TryAddSingleton<RememberedPages>();
        services.TryAddSingleton<ProxyTunnel>();
        services.TryAddSingleton<SharedFetchHandler>();
        services.TryAddTransient<AttemptCountingHandler>();
        services.TryAddTransient<SiteCrawler>();
        services.AddBrowserRendering();

        // A named client with an explicit typed-client factory (the name AddHttpClient<WebFetcher> would give it): the
        // default typed-client activator compiles an expression tree, which loads and JIT-compiles System.Linq.Expressions.
        var builder = services.AddHttpClient(nameof(WebFetcher), (sp, client) =>
            {
                var fetch = sp.GetRequiredService<PartnerWatchOptions>().Fetch;
                // Timeouts are enforced by the resilience pipeline and by WebFetcher around the body read.
                client.Timeout = Timeout.InfiniteTimeSpan;
                if (!client.DefaultRequestHeaders.UserAgent.TryParseAdd(fetch.UserAgent))
                    client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", fetch.UserAgent);
                client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
            })
            // One shared connection pool for every host (and one per proxy), built once: the factory's handler
            // rotation would start a new pool every two minutes; PooledConnectionLifetime already picks up DNS changes.
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<SharedFetchHandler>())
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            .AddTypedClient((client, sp) => ActivatorUtilities.CreateInstance<WebFetcher>(sp, client));
        builder.AddStandardResilienceHandler()
            .Configure((resilience, sp) => ConfigureResilience(
                resilience, sp.GetRequiredService<PartnerWatchOptions>().Fetch, sp.GetRequiredService<TimeProvider>()))
            .SelectPipelineByAuthority();

        // Added after the resilience handler, so it sits inside it and counts each attempt.
        builder.AddHttpMessageHandler<AttemptCountingHandler>();
        return services;
    }

    private static void ConfigureResilience(HttpStandardResilienceOptions resilience, FetchOptions fetch, TimeProvider time)
    {
        // Clamped into the ranges the standard handler's validator accepts, so odd settings degrade instead of
        // failing every request; the configuration validator is where they should be reported.
        var attempt = Clamp(fetch.AttemptTimeout, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(12));
        var total = Clamp(fetch.TotalTimeout, attempt, TimeSpan.FromDays(1));

        resilience.AttemptTimeout.Timeout = attempt;
        resilience.TotalRequestTimeout.Timeout = total;

        resilience.Retry.MaxRetryAttempts = Math.Max(1, fetch.MaxRetries);
        resilience.Retry.UseJitter = true;
        resilience.Retry.BackoffType = DelayBackoffType.Exponential;
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(
            fetch.MaxRetries > 0
            && !RefusedByPolicy(args.Outcome.Exception)
            && !RetryAfterTooLong(args.Outcome.Result, fetch.MaxRetryAfter, time)
            && HttpClientResiliencePredicates.IsTransient(args.Outcome));

        // The standard handler insists on a sampling window of at least two attempt timeouts.
        var sampling = TimeSpan.FromSeconds(30);
        if (sampling < attempt * 2) sampling = attempt * 2;
        resilience.CircuitBreaker.SamplingDuration = sampling;
        resilience.CircuitBreaker.MinimumThroughput = 10;
        resilience.CircuitBreaker.FailureRatio = 0.5;
        resilience.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        resilience.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
            !RefusedByPolicy(args.Outcome.Exception)
            && HttpClientResiliencePredicates.IsTransient(args.Outcome));
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    /// <summary>A refusal by the address policy is a decision, not a transient fault: never retried, never counted.</summary>
    internal static bool RefusedByPolicy(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            if (e is AddressRefusedException) return true;
        return false;
    }

    internal static bool RetryAfterTooLong(HttpResponseMessage? response, TimeSpan limit, TimeProvider time) =>
        RetryAfter(response, time) is { } wait && wait > limit;

    internal static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - time.GetUtcNow();
        return null;
    }
}
