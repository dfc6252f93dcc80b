using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class PersonaIterationConfiguration : IEntityTypeConfiguration<PersonaIteration>
{
    public void Configure(EntityTypeBuilder<PersonaIteration> builder)
    {
        builder.HasIndex(i => new { i.PersonaId, i.Number }).IsUnique();
        builder.Property(i => i.ChangeNotes).HasMaxLength(FieldLengths.Markdown);
        builder.HasOne(i => i.Persona).WithMany(p => p.Iterations).HasForeignKey(i => i.PersonaId);
    }
}
