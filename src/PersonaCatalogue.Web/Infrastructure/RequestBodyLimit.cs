using Microsoft.AspNetCore.Diagnostics;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Refuses request bodies over the limit (64 KB by default) with 413, which the status code pages turn into a clear
/// page. Kestrel enforces the same limit for bodies without a Content-Length.
/// </summary>
public static class RequestBodyLimit
{
    public const long DefaultBytes = 64 * 1024;

    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app, long limit) =>
        app.Use(async (context, next) =>
        {
            // The status code pages re-execute the refused request to show the 413 page: let that one through.
            if (context.Request.ContentLength > limit && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            await next();
        });
}
