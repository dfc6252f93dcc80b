using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace PersonaCatalogue.Web.Infrastructure.PageCaching;

/// <summary>
/// Output caching for public pages that are the same for every anonymous visitor. Like ASP.NET Core's default
/// policy (GET/HEAD, 200 only, nothing with Set-Cookie, never for a signed-in user), plus: no cache at all while a
/// one-off flash message really waits in its cookie, and nothing stored that asked not to be (antiforgery marks every
/// response that renders a token <c>no-store</c>, so a page with a form is never cached even if tagged by mistake).
/// </summary>
/// <remarks>
/// A page varies only on the query keys its action binds (<see cref="QueryKeysOf"/>), so <c>?x=1</c>, <c>?x=2</c>, …
/// all find the one cached page; a request carrying any other key is never stored, so it cannot put a page under
/// the plain page's key. A page with a query string is stored on its second request only
/// (<see cref="RecentQueryStrings"/>), and each instance stores at most <c>OutputCache:MaxQueryPagesStored</c> of
/// them per expiry period, which bounds what a flood of real searches can put in Redis.
/// </remarks>
public sealed class PublicPagePolicy(int maxQueryPagesStored, TimeSpan period) : IOutputCachePolicy
{
    public const string Name = "public-page";

    private const string KnownQueryItem = "PublicPagePolicy.KnownQuery";

    private readonly RecentQueryStrings _recentQueryStrings = new();
    private readonly ConcurrentDictionary<Endpoint, string[]> _queryKeys = new();
    private readonly StoreBudget _budget = new(maxQueryPagesStored, period);

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var request = http.Request;
        var attempt = (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && !HasPendingFlash(http);
        var keys = http.GetEndpoint() is { } endpoint ? _queryKeys.GetOrAdd(endpoint, QueryKeysOf) : [];
        var known = KnownQuery(request, keys, out var unknownKeys);

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt && !unknownKeys && (known.Length == 0 || _recentQueryStrings.Remember(request.Path, known));
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = keys;
        context.Tags.Add(PageTags.All);
        http.Items[KnownQueryItem] = known.Length > 0;
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
        else if (context.AllowCacheStorage && context.HttpContext.Items[KnownQueryItem] is true && !_budget.TryTake())
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Only a flash message that the site itself wrote and that is still waiting skips the cache: a made-up
    /// <c>flash</c> cookie does not decrypt, so it cannot be used to make every request miss.
    /// </summary>
    private static bool HasPendingFlash(HttpContext http) =>
        http.Request.Cookies.ContainsKey(Flash.CookieName)
        && http.RequestServices.GetService<ITempDataDictionaryFactory>()?.GetTempData(http).Peek(Flash.Success) is not null;

    /// <summary>The request's values for the page's own query keys, in a fixed order; whether it carries any other key.</summary>
    private static string KnownQuery(HttpRequest request, string[] keys, out bool unknownKeys)
    {
        unknownKeys = false;
        if (!request.QueryString.HasValue)
        {
            return "";
        }

        foreach (var key in request.Query.Keys)
        {
            unknownKeys |= !keys.Contains(key, StringComparer.OrdinalIgnoreCase);
        }

        return string.Join('&', keys.Where(request.Query.ContainsKey).Select(key => key + "=" + string.Join(',', request.Query[key].ToArray())));
    }

    /// <summary>
    /// The query keys an action reads: its simple parameters not taken from the route, and the properties of a
    /// parameter object (such as the tools list's filters), by the name they bind from.
    /// </summary>
    public static string[] QueryKeysOf(Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<ControllerActionDescriptor>() is not { } action)
        {
            return [];
        }

        var routeValues = (endpoint as RouteEndpoint)?.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var keys = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in action.Parameters)
        {
            var source = parameter.BindingInfo?.BindingSource;
            if (parameter.ParameterType == typeof(CancellationToken) || (source is not null && source != BindingSource.Query && source != BindingSource.ModelBinding))
            {
                continue;
            }

            if (IsSimple(parameter.ParameterType))
            {
                var name = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
                if (!routeValues.Contains(name))
                {
                    keys.Add(name);
                }

                continue;
            }

            foreach (var property in parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
            {
                keys.Add(property.GetCustomAttributes().OfType<IModelNameProvider>().FirstOrDefault()?.Name ?? property.Name);
            }
        }

        return [.. keys];
    }

    private static bool IsSimple(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal)
            || (underlying.IsGenericType && underlying.GetGenericArguments() is [var item] && typeof(IEnumerable<>).MakeGenericType(item).IsAssignableFrom(underlying) && IsSimple(item));
    }

    /// <summary>At most a number of stores per period: a fixed window, counted without a lock (a few over is harmless).</summary>
    private sealed class StoreBudget(int limit, TimeSpan period)
    {
        private long _window;
        private int _taken;

        public bool TryTake()
        {
            var window = Environment.TickCount64 / Math.Max(1, (long)period.TotalMilliseconds);
            if (Interlocked.Exchange(ref _window, window) != window)
            {
                Interlocked.Exchange(ref _taken, 0);
            }

            return Interlocked.Increment(ref _taken) <= limit;
        }
    }
}
