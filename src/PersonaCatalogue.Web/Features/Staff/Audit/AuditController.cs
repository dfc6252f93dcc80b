using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Audit;

[Authorize(Roles = StaffRoles.Administrator)]
[Route("staff/audit")]
public class AuditController(CatalogueDbContext db) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var events = await db.AuditEvents.AsNoTracking().ToPagedAsync(page, PageSize, log => log.OrderByDescending(e => e.Id), cancellationToken);
        return View(new AuditLogPage(events));
    }
}

public record AuditLogPage(Paged<AuditEvent> Events);
