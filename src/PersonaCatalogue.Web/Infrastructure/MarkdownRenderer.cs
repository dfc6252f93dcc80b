using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// Renders Markdown written by seed-data authors and staff. Raw HTML is escaped, and links or images
/// whose address is not http, https or mailto lose their address, so nothing in the text can run script.
/// Never use this for what the public submits: that is always shown as plain text.
/// </summary>
public class MarkdownRenderer
{
    private static readonly string[] _allowedSchemes = ["http", "https", "mailto"];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .Build();

    public IHtmlContent Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return HtmlString.Empty;
        }

        var document = Markdown.Parse(markdown, _pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!IsAllowed(link.Url))
            {
                link.Url = "";
            }
            if (link.Reference is not null && !IsAllowed(link.Reference.Url))
            {
                link.Reference.Url = "";
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !IsAllowed(autolink.Url))
            {
                autolink.Url = "";
            }
        }

        return new HtmlString(document.ToHtml(_pipeline));
    }

    public static bool IsAllowed(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return true;
        }

        return Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            && _allowedSchemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
    }
}
