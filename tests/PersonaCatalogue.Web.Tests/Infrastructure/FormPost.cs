using AngleSharp.Html.Parser;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>Posts a form the way a browser does: GET the page for its antiforgery token (and cookie), then POST the fields with it.</summary>
public static class FormPost
{
    public const string TokenField = "__RequestVerificationToken";

    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        using var page = await client.GetAsync(pageUrl, TestContext.Current.CancellationToken);
        var doc = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return doc.QuerySelector($"input[name={TokenField}]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{pageUrl} ({(int)page.StatusCode}) has no antiforgery token");
    }

    /// <summary>GETs <paramref name="pageUrl"/> for a token, then POSTs <paramref name="fields"/> to <paramref name="actionUrl"/> (default: the same URL).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? actionUrl = null)
    {
        var token = await client.GetAntiforgeryTokenAsync(pageUrl);
        var content = new FormUrlEncodedContent(fields.Append(new(TokenField, token)));
        return await client.PostAsync(actionUrl ?? pageUrl, content, TestContext.Current.CancellationToken);
    }
}
