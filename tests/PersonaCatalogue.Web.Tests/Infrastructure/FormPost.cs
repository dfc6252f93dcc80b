using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>
/// Posts a form the way a browser does: GET the page (which sets the antiforgery cookie on the client), read the
/// hidden token from the page's POST form, then POST the fields with the token to the form's action.
/// </summary>
public static class FormPost
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>GETs the form page, then POSTs <paramref name="fields"/> (repeat a key for several ticked boxes).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string formPageUrl, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken cancellationToken = default)
    {
        var (action, token) = await GetFormAsync(client, formPageUrl, cancellationToken);
        return await PostAsync(client, action, fields, token, cancellationToken);
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
}
