using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class PersonaConfiguration : IEntityTypeConfiguration<Persona>
{
    public void Configure(EntityTypeBuilder<Persona> builder)
    {
        builder.HasIndex(p => p.Slug).IsUnique();
        builder.Property(p => p.Slug).HasMaxLength(FieldLengths.Slug);
        builder.Property(p => p.Name).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.Role).HasMaxLength(FieldLengths.PersonaRole);
        builder.Property(p => p.Summary).HasMaxLength(FieldLengths.Summary);
        builder.Property(p => p.Description).HasMaxLength(FieldLengths.Markdown);
    }
}
