using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class PersonaToolConfiguration : IEntityTypeConfiguration<PersonaTool>
{
    public void Configure(EntityTypeBuilder<PersonaTool> builder)
    {
        builder.HasKey(pt => new { pt.PersonaId, pt.ToolId });
        builder.HasIndex(pt => pt.ToolId);
        builder.Property(pt => pt.Why).HasMaxLength(FieldLengths.Why);
        builder.HasOne(pt => pt.Persona).WithMany(p => p.Tools).HasForeignKey(pt => pt.PersonaId);
        builder.HasOne(pt => pt.Tool).WithMany(t => t.Personas).HasForeignKey(pt => pt.ToolId);
    }
}
