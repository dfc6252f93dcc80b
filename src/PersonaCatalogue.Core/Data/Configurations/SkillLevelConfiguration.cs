using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class SkillLevelConfiguration : IEntityTypeConfiguration<SkillLevel>
{
    public void Configure(EntityTypeBuilder<SkillLevel> builder)
    {
        builder.HasIndex(l => l.Slug).IsUnique();
        builder.Property(l => l.Slug).HasMaxLength(FieldLengths.Slug);
        builder.Property(l => l.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(l => l.Description).HasMaxLength(FieldLengths.Markdown);
    }
}
