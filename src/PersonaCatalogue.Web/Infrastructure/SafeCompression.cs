using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// gzip and Brotli for text, but only where compression cannot leak a secret (BREACH): an attacker who can put text
/// into a compressed response next to a secret learns the secret from the response sizes. So nothing is compressed
/// that may carry one: responses for a signed-in user or under /staff, responses that set a cookie, and responses
/// marked no-store or private, which is how antiforgery marks every page that renders a token (DefaultAntiforgery
/// sets "no-cache, no-store" when it hands out tokens) and how the private suggestion status pages mark themselves.
/// Public pages, CSS, JSON, CSV and Atom are the same for everyone, so they are compressed, over https too.
/// </summary>
public static class SafeCompression
{
    /// <summary>Fastest: most of the size saving for a fraction of the CPU of Optimal (see README, Performance).</summary>
    public const CompressionLevel Level = CompressionLevel.Fastest;

    public static IServiceCollection AddSafeResponseCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/csv", "application/atom+xml", "image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = Level);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = Level);
        services.AddSingleton<IResponseCompressionProvider, SafeCompressionProvider>();
        return services;
    }

    /// <summary>ASP.NET Core's provider (content types, Accept-Encoding), plus the checks above.</summary>
    private sealed class SafeCompressionProvider(IServiceProvider services, IOptions<ResponseCompressionOptions> options) : IResponseCompressionProvider
    {
        private readonly ResponseCompressionProvider _inner = new(services, options);

        public ICompressionProvider? GetCompressionProvider(HttpContext context) => _inner.GetCompressionProvider(context);

        public bool CheckRequestAcceptsCompression(HttpContext context) => _inner.CheckRequestAcceptsCompression(context);

        public bool ShouldCompressResponse(HttpContext context) =>
            MayCarrySecrets(context) is false && _inner.ShouldCompressResponse(context);
    }

    public static bool MayCarrySecrets(HttpContext context)
    {
        var response = context.Response;
        return context.User.Identity?.IsAuthenticated == true
            || context.Request.Path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
            || response.Headers.SetCookie.Count > 0
            || response.Headers.CacheControl.Any(value => value is not null
                && (value.Contains("no-store", StringComparison.OrdinalIgnoreCase) || value.Contains("private", StringComparison.OrdinalIgnoreCase)));
    }
}
