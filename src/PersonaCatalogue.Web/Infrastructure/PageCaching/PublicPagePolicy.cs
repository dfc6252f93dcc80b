using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace PersonaCatalogue.Web.Infrastructure.PageCaching;

/// <summary>
/// Output caching for public pages that are the same for every anonymous visitor. Like ASP.NET Core's default
/// policy (GET/HEAD, 200 only, nothing with Set-Cookie, never for a signed-in user), plus: no cache at all while a
/// one-off flash message waits in its cookie, and nothing stored that asked not to be (antiforgery marks every
/// response that renders a token <c>no-store</c>, so a page with a form is never cached even if tagged by mistake).
/// A page with a query string (a search, filters, a page number) is stored on its second request only
/// (<see cref="RecentQueryStrings"/>).
/// </summary>
public sealed class PublicPagePolicy : IOutputCachePolicy
{
    public const string Name = "public-page";

    private readonly RecentQueryStrings _recentQueryStrings = new();

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var attempt = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && context.HttpContext.User.Identity?.IsAuthenticated != true
            && !request.Cookies.ContainsKey(Flash.CookieName);

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt && (!request.QueryString.HasValue || _recentQueryStrings.Remember(request));
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        context.Tags.Add(PageTags.All);
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK
            || !StringValues.IsNullOrEmpty(response.Headers.SetCookie)
            || response.Headers.CacheControl.Any(value => value is not null
                && (value.Contains("no-store", StringComparison.OrdinalIgnoreCase) || value.Contains("private", StringComparison.OrdinalIgnoreCase))))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
