using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>
/// Posts a form the way a browser does: GET the page (which sets the antiforgery cookie on the client), read the
/// hidden token from the page, then POST the fields with the token.
/// </summary>
public static class FormPost
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>GETs the form page, then POSTs <paramref name="fields"/> to its POST form's action (repeat a key for several ticked boxes).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string formPageUrl, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken)
    {
        var (action, token) = await GetFormAsync(client, formPageUrl, cancellationToken);
        return await PostAsync(client, action, fields, token, cancellationToken);
    }

    /// <summary>
    /// GETs <paramref name="pageUrl"/> for a token, then POSTs <paramref name="fields"/> to <paramref name="actionUrl"/>
    /// (default: the page's POST form). The token belongs to the visitor, not to one form, so any page's token will do.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? actionUrl = null)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        if (actionUrl is null)
        {
            return await PostFormAsync(client, pageUrl, fields, cancellationToken);
        }

        return await PostAsync(client, actionUrl, fields, await client.GetAntiforgeryTokenAsync(pageUrl), cancellationToken);
    }

    /// <summary>The first antiforgery token anywhere on the page (the header's sign-out form has one too).</summary>
    public static async Task<string> GetAntiforgeryTokenAsync(this HttpClient client, string pageUrl)
    {
        using var page = await client.GetAsync(pageUrl, TestContext.Current.CancellationToken);
        var doc = await new HtmlParser().ParseDocumentAsync(await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return doc.QuerySelector($"input[name={TokenField}]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{pageUrl} ({(int)page.StatusCode}) has no antiforgery token");
    }

    /// <summary>The POST form's action (the page's own URL when it has none) and its antiforgery token.</summary>
    public static async Task<(string Action, string Token)> GetFormAsync(HttpClient client, string formPageUrl, CancellationToken cancellationToken = default)
    {
        using var response = await client.GetAsync(formPageUrl, cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {formPageUrl} gave {(int)response.StatusCode}");
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(cancellationToken));
        var form = doc.QuerySelectorAll<IHtmlFormElement>("main form")
            .FirstOrDefault(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase));
        Assert.True(form is not null, $"{formPageUrl} has no POST form in <main>");
        var token = form.QuerySelector<IHtmlInputElement>($"input[name={TokenField}]")?.Value;
        Assert.False(string.IsNullOrEmpty(token), $"the form on {formPageUrl} has no antiforgery token");
        var action = form.GetAttribute("action");
        return (string.IsNullOrEmpty(action) ? formPageUrl : action, token);
    }

    /// <summary>POSTs fields, with the token when one is given; without it the app must refuse the request.</summary>
    public static Task<HttpResponseMessage> PostAsync(
        HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? token, CancellationToken cancellationToken = default)
    {
        var all = token is null ? fields : fields.Append(new(TokenField, token));
        return client.PostAsync(url, new FormUrlEncodedContent(all), cancellationToken);
    }

    /// <summary>The values of the POST form whose action is <paramref name="formUrl"/> as the page shows them, so a test changes only what it names.</summary>
    public static async Task<List<KeyValuePair<string, string>>> CurrentFieldsAsync(this HttpClient client, string formUrl)
    {
        using var response = await client.GetAsync(formUrl, TestContext.Current.CancellationToken);
        var doc = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var form = doc.QuerySelector($"form[action='{formUrl}']");
        Assert.True(form is not null, $"{formUrl} ({(int)response.StatusCode}) has no form posting to itself");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input, textarea"))
        {
            var name = input.GetAttribute("name");
            var type = input.GetAttribute("type");
            if (name is null || name == TokenField || ((type is "checkbox" or "radio") && !input.HasAttribute("checked")))
            {
                continue;
            }

            fields.Add(new(name, input.LocalName == "textarea" ? input.TextContent : input.GetAttribute("value") ?? ""));
        }

        return fields;
    }

    /// <summary>The fields with <paramref name="name"/> set to <paramref name="value"/> alone.</summary>
    public static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> fields, string name, string value) =>
        [.. fields.Where(f => f.Key != name), new(name, value)];
}
