using Microsoft.AspNetCore.Mvc;

namespace PersonaCatalogue.Web.Features.Content;

/// <summary>The site's fixed pages: about, privacy, accessibility statement and cookies.</summary>
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
