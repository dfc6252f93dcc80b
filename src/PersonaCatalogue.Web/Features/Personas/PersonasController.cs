using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Feedback;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Features.Tools;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Personas;

[Route("personas")]
public class PersonasController(
    CatalogueDbContext db, IConfiguration configuration, CatalogueToolCounts toolCounts, PersonaDetails personaDetails) : Controller
{
    [HttpGet("")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Personas])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var personas = await PersonaCard.Query(db).ToListAsync(cancellationToken);
        return View(personas);
    }

    [HttpGet("{slug}")]
    [OutputCache(PolicyName = PublicPagePolicy.Name)]
    public async Task<IActionResult> Detail(string slug, CancellationToken cancellationToken)
    {
        var persona = (await personaDetails.GetAsync(db, cancellationToken)).GetValueOrDefault(slug);
        if (persona is null)
        {
            return NotFound();
        }

        HttpContext.TagPage(CataloguePages.Persona(persona.Id));
        var (tools, toolCount) = await LinkedTools.ForPersonaAsync(
            db, HttpContext, configuration, toolCounts, persona.Id, persona.Slug,
            linked => linked.Select(t => new PersonaToolRow(
                t.Slug, t.Name, t.Summary, t.Personas.Where(p => p.PersonaId == persona.Id).Select(p => p.Why).FirstOrDefault() ?? "")),
            cancellationToken);
        var feedback = await PersonaFeedbackSection.LoadAsync(db, persona.Slug, persona.Name, persona.Iteration, cancellationToken);
        return View(persona with { Tools = tools, ToolCount = toolCount, Feedback = feedback });
    }
}
