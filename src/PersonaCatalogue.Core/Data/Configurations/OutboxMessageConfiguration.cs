using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const int SubjectLength = 200;
    public const int BodyLength = 10_000;
    public const int ErrorLength = 500;

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.To).HasMaxLength(FieldLengths.Email);
        builder.Property(m => m.Subject).HasMaxLength(SubjectLength);
        builder.Property(m => m.Body).HasMaxLength(BodyLength);
        builder.Property(m => m.LastError).HasMaxLength(ErrorLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(m => m.Suggestion).WithMany().HasForeignKey(m => m.SuggestionId).OnDelete(DeleteBehavior.Restrict);
        // The sender's question: what is waiting and due.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
