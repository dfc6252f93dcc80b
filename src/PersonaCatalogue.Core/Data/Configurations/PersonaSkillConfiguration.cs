using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class PersonaSkillConfiguration : IEntityTypeConfiguration<PersonaSkill>
{
    public void Configure(EntityTypeBuilder<PersonaSkill> builder)
    {
        builder.HasKey(ps => new { ps.PersonaId, ps.SkillId });
        builder.HasIndex(ps => ps.SkillId);
        builder.Property(ps => ps.Why).HasMaxLength(FieldLengths.Why);
        builder.HasOne(ps => ps.Persona).WithMany(p => p.Skills).HasForeignKey(ps => ps.PersonaId);
        builder.HasOne(ps => ps.Skill).WithMany(s => s.Personas).HasForeignKey(ps => ps.SkillId);
        builder.HasOne(ps => ps.Level).WithMany().HasForeignKey(ps => ps.SkillLevelId).OnDelete(DeleteBehavior.Restrict);
    }
}
