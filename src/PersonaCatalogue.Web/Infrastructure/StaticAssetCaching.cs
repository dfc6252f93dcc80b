using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Net.Http.Headers;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Cache headers for files in wwwroot. A fingerprinted URL (<c>asp-append-version</c> adds <c>?v=</c>, a hash of the
/// file) names one version of the file for ever, so browsers may keep it for a year without asking again. Only the
/// current hash earns that: an old or made-up <c>?v=</c> would otherwise pin today's file under a URL that promised
/// another. Anything else is revalidated on each use (no-cache), cheaply, with its ETag.
/// </summary>
public static class StaticAssetCaching
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    public static IApplicationBuilder UseStaticFilesWithCaching(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var http = context.Context;
                var versions = http.RequestServices.GetRequiredService<IFileVersionProvider>();
                var request = http.Request;
                var fingerprinted = request.Query.ContainsKey("v")
                    && versions.AddFileVersionToPath(request.PathBase, request.Path.Value!) == request.PathBase + request.Path + request.QueryString;
                http.Response.Headers.CacheControl = fingerprinted ? Immutable : Revalidate;
            },
        });
}
