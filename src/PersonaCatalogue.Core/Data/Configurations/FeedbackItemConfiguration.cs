using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

/// <summary>One table for every kind of feedback (table per hierarchy), told apart by the Kind column.</summary>
public class FeedbackItemConfiguration : IEntityTypeConfiguration<FeedbackItem>
{
    public void Configure(EntityTypeBuilder<FeedbackItem> builder)
    {
        builder.ToTable("Feedback", table =>
        {
            table.HasCheckConstraint("CK_Feedback_PublishedNeedsConsent", "\"CommentPublished\" = 0 OR \"ConsentToPublish\" = 1");
            // Only persona pages show comments; the other kinds are for staff.
            table.HasCheckConstraint("CK_Feedback_OnlyPersonaCommentsPublished", "\"CommentPublished\" = 0 OR \"Kind\" = 'Persona'");
        });
        builder.HasDiscriminator(f => f.Kind)
            .HasValue<PersonaFeedback>(FeedbackKind.Persona)
            .HasValue<ToolFeedback>(FeedbackKind.Tool)
            .HasValue<MissingPersonaFeedback>(FeedbackKind.MissingPersona)
            .HasValue<SupportNeedFeedback>(FeedbackKind.SupportNeed);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.GiverRole).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.Email).HasMaxLength(FieldLengths.Email);
        builder.Property(f => f.ReviewedBy).HasMaxLength(FieldLengths.Email);
        // The staff inbox and the dashboard: by status, newest (or oldest) first.
        builder.HasIndex(f => new { f.Status, f.CreatedAt });
    }
}
