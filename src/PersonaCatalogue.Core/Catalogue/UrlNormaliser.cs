namespace PersonaCatalogue.Core.Catalogue;

/// <summary>
/// Reduces a web address to what identifies the resource, so that http://www.example.org/tool/ and
/// https://example.org/tool count as the same tool in duplicate checks.
/// </summary>
public static class UrlNormaliser
{
    public static string Normalise(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return url.Trim().ToLowerInvariant();
        }

        var host = uri.IdnHost.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port;
        return host + port + path + uri.Query;
    }
}
