using AngleSharp.Html.Parser;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

public class MarkdownRendererTests
{
    private static AngleSharp.Html.Dom.IHtmlDocument Render(string markdown)
    {
        var html = new MarkdownRenderer().Render(markdown);
        using var writer = new StringWriter();
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return new HtmlParser().ParseDocument("<body>" + writer + "</body>");
    }

    [Fact]
    public void Render_ScriptTag_IsEscapedText()
    {
        var doc = Render("Hello <script>alert('x')</script> world");

        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Contains("<script>", doc.Body!.TextContent);
    }

    [Fact]
    public void Render_RawHtmlBlock_IsEscapedText()
    {
        var doc = Render("<div onclick=\"steal()\">Click</div>\n\n<img src=x onerror=alert(1)>");

        Assert.Empty(doc.QuerySelectorAll("div, img"));
        Assert.DoesNotContain(doc.All, e => e.HasAttribute("onclick") || e.HasAttribute("onerror"));
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](data:text/html,<script>alert(1)</script>)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    public void Render_DangerousLinkSchemes_LoseTheirAddress(string markdown)
    {
        var doc = Render(markdown);

        Assert.DoesNotContain(doc.All, e =>
            (e.GetAttribute("href") ?? e.GetAttribute("src") ?? "").Contains(':'));
    }

    [Theory]
    [InlineData("[ODI](https://theodi.org/)", "https://theodi.org/")]
    [InlineData("[site](http://example.org/a?b=1)", "http://example.org/a?b=1")]
    [InlineData("[mail](mailto:hello@example.org)", "mailto:hello@example.org")]
    public void Render_SafeLinks_AreKept(string markdown, string href)
    {
        var doc = Render(markdown);

        Assert.Equal(href, doc.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void Render_OrdinaryMarkdown_BecomesHtml()
    {
        var doc = Render("Some **bold** text.\n\n- one\n- two");

        Assert.Equal("bold", doc.QuerySelector("strong")!.TextContent);
        Assert.Equal(2, doc.QuerySelectorAll("li").Length);
    }
}
