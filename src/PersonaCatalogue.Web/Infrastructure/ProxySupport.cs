using Microsoft.AspNetCore.HttpOverrides;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Behind a TLS-terminating proxy (<c>ForwardedHeaders:Enabled</c>), so the app sees https (Secure cookies,
/// antiforgery) and the client's address (rate limits). Only switch this on when the proxy is the only way in, as the
/// headers are trusted as sent.
/// </summary>
public static class ProxySupport
{
    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue("ForwardedHeaders:Enabled", false);

    public static IServiceCollection AddProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        if (IsEnabled(configuration))
        {
            services.Configure<ForwardedHeadersOptions>(options =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                options.KnownIPNetworks.Clear();
                options.KnownProxies.Clear();
            });
        }

        return services;
    }

    /// <summary>The scheme and host the client used (behind the proxy: the proxy's), for absolute links in pages and emails.</summary>
    public static string Origin(this HttpRequest request) => $"{request.Scheme}://{request.Host}";

    public static IApplicationBuilder UseProxySupport(this WebApplication app) =>
        IsEnabled(app.Configuration) ? app.UseForwardedHeaders() : app;
}
