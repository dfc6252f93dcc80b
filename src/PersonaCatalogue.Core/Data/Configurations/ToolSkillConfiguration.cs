using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class ToolSkillConfiguration : IEntityTypeConfiguration<ToolSkill>
{
    public void Configure(EntityTypeBuilder<ToolSkill> builder)
    {
        builder.HasKey(ts => new { ts.ToolId, ts.SkillId });
        builder.HasIndex(ts => ts.SkillId);
        builder.HasOne(ts => ts.Tool).WithMany(t => t.Skills).HasForeignKey(ts => ts.ToolId);
        builder.HasOne(ts => ts.Skill).WithMany(s => s.Tools).HasForeignKey(ts => ts.SkillId);
        builder.HasOne(ts => ts.Level).WithMany().HasForeignKey(ts => ts.SkillLevelId).OnDelete(DeleteBehavior.Restrict);
    }
}
