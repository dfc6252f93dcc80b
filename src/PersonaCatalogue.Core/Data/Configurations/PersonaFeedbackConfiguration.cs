using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class PersonaFeedbackConfiguration : IEntityTypeConfiguration<PersonaFeedback>
{
    public void Configure(EntityTypeBuilder<PersonaFeedback> builder)
    {
        // The subclass's columns are nullable in the shared table, so the database itself says that persona feedback has its answers.
        builder.ToTable("Feedback", table => table.HasCheckConstraint(
            "CK_Feedback_PersonaFeedbackAnswered",
            "\"Kind\" <> 'Persona' OR (\"PersonaId\" IS NOT NULL AND \"Iteration\" IS NOT NULL AND \"Usefulness\" IS NOT NULL AND \"RightPeople\" IS NOT NULL)"));
        builder.Property(f => f.Usefulness).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.RightPeople).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.MissingOrWrong).HasMaxLength(FieldLengths.LongText);
        builder.Property(f => f.HowWouldYouUseIt).HasMaxLength(FieldLengths.LongText);
        // Feedback is kept: a persona with feedback cannot be deleted by accident.
        builder.HasOne(f => f.Persona).WithMany().HasForeignKey(f => f.PersonaId).OnDelete(DeleteBehavior.Restrict);
        // The counts on the persona page and the staff summary: one persona's iteration, spam left out.
        builder.HasIndex(f => new { f.PersonaId, f.Iteration, f.Status });
    }
}
