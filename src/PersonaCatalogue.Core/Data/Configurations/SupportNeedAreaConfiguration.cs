using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class SupportNeedAreaConfiguration : IEntityTypeConfiguration<SupportNeedArea>
{
    public void Configure(EntityTypeBuilder<SupportNeedArea> builder)
    {
        builder.ToTable("SupportNeedAreas");
        builder.HasKey(a => new { a.FeedbackId, a.SkillAreaId });
        // The staff summary counts needs per area.
        builder.HasIndex(a => a.SkillAreaId);
        builder.HasOne(a => a.Feedback).WithMany(f => f.Areas).HasForeignKey(a => a.FeedbackId);
        builder.HasOne(a => a.SkillArea).WithMany().HasForeignKey(a => a.SkillAreaId).OnDelete(DeleteBehavior.Restrict);
    }
}
