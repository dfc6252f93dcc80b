using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PersonaCatalogue.Core.Email;
using PersonaCatalogue.Core.Privacy;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Infrastructure;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Content;

/// <summary>The site's fixed pages: about, privacy, accessibility statement and cookies.</summary>
[OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Content])]
public class ContentController(SiteContact contact, EmailSettings email, IConfiguration configuration) : Controller
{
    [HttpGet("/about")]
    public IActionResult About() => View();

    [HttpGet("/privacy")]
    public IActionResult Privacy() => View(new PrivacyPage(PersonalDataRetention.Months(configuration), contact, email.IsConfigured));

    [HttpGet("/accessibility")]
    public IActionResult Accessibility() => View(contact);

    [HttpGet("/cookies")]
    public IActionResult Cookies() => View();
}

/// <summary>What the privacy notice promises comes from configuration, so it says what the site does.</summary>
public record PrivacyPage(int RetentionMonths, SiteContact Contact, bool SendsDecisionEmails);
