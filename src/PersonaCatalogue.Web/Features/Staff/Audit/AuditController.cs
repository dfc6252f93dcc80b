using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Features.Staff.Audit;

[Authorize(Roles = StaffRoles.Administrator)]
[Route("staff/audit")]
public class AuditController(CatalogueDbContext db) : Controller
{
    public const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] int page = 1, CancellationToken cancellationToken = default)
    {
        var total = await db.AuditEvents.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (int)Math.Ceiling(total / (double)PageSize));
        page = Math.Clamp(page, 1, pageCount);
        var events = await db.AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        return View(new AuditLogPage(events, page, pageCount, total));
    }
}

public record AuditLogPage(List<AuditEvent> Events, int Page, int PageCount, int Total);
