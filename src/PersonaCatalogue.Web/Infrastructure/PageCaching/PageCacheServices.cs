namespace PersonaCatalogue.Web.Infrastructure.PageCaching;

public static class PageCacheServices
{
    /// <summary>
    /// The output cache for public pages. Eviction by tag keeps pages current, so entries may live long; the size
    /// limit bounds memory when someone requests many different query strings. 16 MB holds every page of the seed
    /// catalogue many times over; at 10,000 tools, 32 MB of distinct searches cost about 25 MB more resident memory
    /// (entries replaced in the long-lived heap) for searches that are rarely asked twice.
    /// </summary>
    public static IServiceCollection AddPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutputCache(options =>
        {
            options.AddPolicy(PublicPagePolicy.Name, new PublicPagePolicy());
            options.DefaultExpirationTimeSpan = TimeSpan.FromSeconds(configuration.GetValue("OutputCache:ExpirationSeconds", 600));
            options.SizeLimit = configuration.GetValue("OutputCache:SizeLimitMegabytes", 16L) * 1024 * 1024;
        });
        services.AddSingleton<PageCache>();
        services.AddHostedService<ImportWatcher>();
        return services;
    }
}
