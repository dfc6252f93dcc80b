namespace PersonaCatalogue.Web.Infrastructure.PageCaching;

public static class PageCacheServices
{
    /// <summary>
    /// The output cache for public pages. Eviction by tag keeps pages current, so entries may live long. A page with a
    /// query string is stored only when asked for twice (<see cref="RecentQueryStrings"/>), and the size limit bounds
    /// what repeated searches can take: 16 MB holds every page of the seed catalogue many times over.
    /// </summary>
    public static IServiceCollection AddPageCache(this IServiceCollection services, IConfiguration configuration)
    {
        var expiration = TimeSpan.FromSeconds(configuration.GetValue("OutputCache:ExpirationSeconds", 600));
        services.AddOutputCache(options =>
        {
            options.AddPolicy(PublicPagePolicy.Name, new PublicPagePolicy(configuration.GetValue("OutputCache:MaxQueryPagesStored", 2000), expiration));
            options.DefaultExpirationTimeSpan = expiration;
            options.SizeLimit = configuration.GetValue("OutputCache:SizeLimitMegabytes", 16L) * 1024 * 1024;
        });
        services.AddSingleton<PageCache>();
        return services;
    }
}
