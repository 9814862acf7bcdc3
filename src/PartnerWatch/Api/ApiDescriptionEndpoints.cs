using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace PartnerWatch.Api;

/// <summary>
/// The service describes itself: <c>/openapi/v1.json</c>, generated from the mapped endpoints by
/// Microsoft.AspNetCore.OpenApi, and an API reference page at <c>/scalar</c> whose script is served from the
/// Scalar.AspNetCore assembly (no CDN: the page works on a machine without internet access).
/// </summary>
public static class ApiDescriptionEndpoints
{
    private const string SchemeId = "ApiKey";

    public static IServiceCollection AddApiDescription(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "PartnerWatch";
                document.Info.Description = "Status, health and the claims API of a PartnerWatch service. Routes under /api need the key "
                    + $"from PartnerWatch:Api:Key in the {ApiKeyFilter.HeaderName} header (or Authorization: Bearer).";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiKeyFilter.HeaderName,
                    Description = "The value of PartnerWatch:Api:Key.",
                };
                return Task.CompletedTask;
            });
            // Only /api needs the key; /status, /healthz, /readyz and /metrics stay open.
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
                    operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static WebApplication MapApiDescription(this WebApplication app)
    {
        app.MapOpenApi();                       // /openapi/v1.json
        app.MapScalarApiReference(o => o.Title = "PartnerWatch API"); // /scalar, assets from the assembly
        return app;
    }
}
