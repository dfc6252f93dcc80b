namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// HSTS as the spec asks (a year, subdomains included), and how the site explains itself when it is reached over plain
/// http outside Development, where every cookie is Secure and antiforgery refuses to issue or check a token.
/// </summary>
public static class TransportSecurity
{
    public static IServiceCollection AddStrictTransportSecurity(this IServiceCollection services) =>
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

    /// <summary>
    /// True for the exception antiforgery throws when its Secure cookie would be issued or checked on a plain http
    /// request: the site is being served without TLS (or behind a proxy without <c>ForwardedHeaders:Enabled</c>), which
    /// is a set-up mistake to explain, not a server error.
    /// </summary>
    public static bool IsPlainHttpAntiforgeryFailure(HttpContext context, Exception? error) =>
        !context.Request.IsHttps
        && error is InvalidOperationException
        && error.TargetSite?.DeclaringType?.Namespace == "Microsoft.AspNetCore.Antiforgery";
}
