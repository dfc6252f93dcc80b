using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class ToolConfiguration : IEntityTypeConfiguration<Tool>
{
    public void Configure(EntityTypeBuilder<Tool> builder)
    {
        builder.HasIndex(t => t.Slug).IsUnique();
        // The tools list filters by status and sorts by name or date added. Kind and cost are in the name index so a
        // search listed by name can walk it in name order (SearchIndex.ToolsInNameOrder) and check those filters
        // without reading each tool's row.
        builder.HasIndex(t => new { t.Status, t.Name, t.Kind, t.Cost }, "IX_Tools_Status_Name");
        builder.HasIndex(t => new { t.Status, t.AddedAt });
        // A filtered or searched list checks each matching tool by id (the search index gives ids), then sorts the
        // matches and keeps one page. This index holds everything that needs, so SQLite reads one small index entry
        // per match instead of the whole tool row (descriptions included: eight times the bytes), and only the shown
        // page's rows are read in full. Led by the id, because the lookups are by id.
        builder.HasIndex(t => new { t.Id, t.Status, t.Kind, t.Cost, t.IsOpen, t.Name, t.AddedAt }, "IX_Tools_Listing");
        builder.HasIndex(t => t.NormalisedUrl);
        builder.Property(t => t.Slug).HasMaxLength(FieldLengths.Slug);
        builder.Property(t => t.Name).HasMaxLength(FieldLengths.Name).UseCollation("NOCASE");
        builder.Property(t => t.Url).HasMaxLength(FieldLengths.Url);
        builder.Property(t => t.NormalisedUrl).HasMaxLength(FieldLengths.Url);
        builder.Property(t => t.Summary).HasMaxLength(FieldLengths.Summary);
        builder.Property(t => t.Description).HasMaxLength(FieldLengths.Markdown);
        builder.Property(t => t.Publisher).HasMaxLength(FieldLengths.Publisher);
        builder.Property(t => t.Source).HasMaxLength(FieldLengths.Slug);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Cost).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
    }
}
