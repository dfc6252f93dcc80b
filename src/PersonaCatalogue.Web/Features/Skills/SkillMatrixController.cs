using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

namespace PersonaCatalogue.Web.Features.Skills;

/// <summary>Every skill by every persona, with the level in each cell; the same data is in /data/persona-skills.csv and .json.</summary>
public class SkillMatrixController(CatalogueDbContext db, CatalogueSkillNeeds skillNeeds) : Controller
{
    [HttpGet("/skills/matrix")]
    [OutputCache(PolicyName = PublicPagePolicy.Name, Tags = [CataloguePages.Skills])]
    public async Task<IActionResult> Matrix(CancellationToken cancellationToken) =>
        View("Matrix", await skillNeeds.GetAsync(db, cancellationToken));
}
