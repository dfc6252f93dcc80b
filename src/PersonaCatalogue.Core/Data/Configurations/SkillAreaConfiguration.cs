using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class SkillAreaConfiguration : IEntityTypeConfiguration<SkillArea>
{
    public void Configure(EntityTypeBuilder<SkillArea> builder)
    {
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Slug).HasMaxLength(FieldLengths.Slug);
        builder.Property(a => a.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(a => a.Description).HasMaxLength(FieldLengths.Markdown);
    }
}
