using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.OpenData;

/// <summary>An Atom 1.0 feed of newly published tools, newest first.</summary>
public class FeedController(CatalogueDbContext db) : Controller
{
    public const int Entries = 50;

    [HttpGet("/tools/feed.atom")]
    public async Task<IActionResult> Tools(CancellationToken cancellationToken)
    {
        var site = Request.Origin();
        var tools = await db.Tools.AsNoTracking()
            .Where(t => t.Status == ToolStatus.Published)
            .OrderByDescending(t => t.AddedAt).ThenBy(t => t.Name)
            .Take(Entries)
            .Select(t => new { t.Slug, t.Name, t.Summary, t.AddedAt, t.LastReviewedAt, t.Publisher, t.IsOpen })
            .ToListAsync(cancellationToken);

        // An entry's "updated" is its last review, or when it was added if nobody has reviewed it yet.
        var updated = tools.Count == 0 ? DateTime.UnixEpoch : tools.Max(t => Latest(t.AddedAt, t.LastReviewedAt));

        var feed = new SyndicationFeed(
            "Newly published tools – Learning personas for public services",
            "Tools that help people in public services use open data, newest first.",
            new Uri($"{site}/tools?sort=newest"),
            $"{site}/tools/feed.atom",
            new DateTimeOffset(DateTime.SpecifyKind(updated, DateTimeKind.Utc)))
        {
            Items = tools.Select(t =>
            {
                var item = new SyndicationItem(t.Name, t.Summary, new Uri($"{site}/tools/{t.Slug}"), $"{site}/tools/{t.Slug}",
                    new DateTimeOffset(DateTime.SpecifyKind(Latest(t.AddedAt, t.LastReviewedAt), DateTimeKind.Utc)))
                {
                    // Licence openness as a category, so a reader sees "not known" rather than an implied no.
                    Categories = { new SyndicationCategory(ToolTerms.OpenSlug(t.IsOpen), $"{site}/data#tools", $"Open source or openly licensed: {ToolTerms.OpenLabel(t.IsOpen)}") },
                    PublishDate = new DateTimeOffset(DateTime.SpecifyKind(t.AddedAt, DateTimeKind.Utc)),
                };
                item.Authors.Add(new SyndicationPerson { Name = string.IsNullOrEmpty(t.Publisher) ? "Unknown publisher" : t.Publisher });
                return item;
            }).ToList(),
        };
        feed.Copyright = new TextSyndicationContent($"{Attribution.Licence}. {Attribution.Odi} {Attribution.Ours}");
        feed.Authors.Add(new SyndicationPerson { Name = "Learning personas for public services" });
        feed.Links.Add(new SyndicationLink(new Uri($"{site}/tools/feed.atom")) { RelationshipType = "self", MediaType = "application/atom+xml" });

        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return this.BytesWithValidators(buffer.ToArray(), "application/atom+xml; charset=utf-8", updated);
    }

    private static DateTime Latest(DateTime added, DateTime? reviewed) => reviewed > added ? reviewed.Value : added;
}
