using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> builder)
    {
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.Property(s => s.Slug).HasMaxLength(FieldLengths.Slug);
        builder.Property(s => s.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(s => s.Description).HasMaxLength(FieldLengths.Markdown);
        builder.HasOne(s => s.Area).WithMany(a => a.Skills).HasForeignKey(s => s.SkillAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
