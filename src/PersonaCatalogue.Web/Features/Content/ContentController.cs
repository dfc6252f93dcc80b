using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Content;

/// <summary>The site's fixed pages: about, privacy, accessibility statement and cookies.</summary>
[OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Content])]
public class ContentController : Controller
{
    [HttpGet("/about")]
    public IActionResult About() => View();

    [HttpGet("/privacy")]
    public IActionResult Privacy() => View();

    [HttpGet("/accessibility")]
    public IActionResult Accessibility() => View();

    [HttpGet("/cookies")]
    public IActionResult Cookies() => View();
}
