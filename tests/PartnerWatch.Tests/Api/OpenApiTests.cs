using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PartnerWatch.Cli;
using PartnerWatch.Demo;
using PartnerWatch.Tests.Infrastructure;

namespace PartnerWatch.Tests.Api;

/// <summary>The service describes itself: <c>/openapi/v1.json</c> lists every <c>/api</c> route it maps, and the reference page works offline.</summary>
public sealed partial class OpenApiTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task TheOpenApiDocumentListsEveryApiRouteTheServiceMaps()
    {
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        var loaded = DemoCommand.LoadDemoConfiguration(sites.Origin, _data.Path);
        loaded.Options.Schedule.RunOnStart = false;
        await using var service = await ServiceHost.StartAsync(loaded);

        var response = await service.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString());
        var paths = document.RootElement.GetProperty("paths");

        // The routes as mapped (route constraints dropped, as OpenAPI writes them), minus the catch-all that answers 404.
        var mapped = service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true && !e.RoutePattern.RawText.Contains("**"))
            .Select(e => (Path: Constraint().Replace(e.RoutePattern.RawText!, "{$1}"),
                          Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .ToList();
        Assert.True(mapped.Count >= 5, "expected the claims API routes");
        foreach (var (path, methods) in mapped)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from /openapi/v1.json");
            foreach (var method in methods)
            {
                Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out var operation), $"{method} {path} is missing");
                Assert.True(operation.TryGetProperty("security", out _), $"{method} {path} does not say it needs the API key");
            }
        }
        Assert.True(paths.TryGetProperty("/status", out _));
        var scheme = document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
    }

    [Fact]
    public async Task TheApiReferencePageAndItsScriptAreServedByTheServiceItself()
    {
        await using var sites = await DemoSiteServer.StartAsync(CancellationToken.None);
        var loaded = DemoCommand.LoadDemoConfiguration(sites.Origin, _data.Path);
        loaded.Options.Schedule.RunOnStart = false;
        await using var service = await ServiceHost.StartAsync(loaded);

        var page = await service.Client.GetStringAsync("/scalar/");
        Assert.Contains("PartnerWatch API", page);
        Assert.Contains("openapi/v1.json", page);
        // Every script the page loads is relative (served here), none from a CDN.
        var scripts = ScriptSource().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, src => Assert.DoesNotMatch("^(https?:)?//", src));
        var script = await service.Client.GetAsync("/scalar/" + scripts[0]);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 100_000);
    }

    [GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial Regex Constraint();

    [GeneratedRegex(@"<script[^>]*\ssrc=""([^""]+)""")]
    private static partial Regex ScriptSource();

    public void Dispose() => _data.Dispose();
}
