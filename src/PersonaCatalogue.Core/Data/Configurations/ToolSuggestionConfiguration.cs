using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class ToolSuggestionConfiguration : IEntityTypeConfiguration<ToolSuggestion>
{
    public void Configure(EntityTypeBuilder<ToolSuggestion> builder)
    {
        builder.HasIndex(s => s.Reference).IsUnique();
        builder.HasIndex(s => s.StatusToken).IsUnique();
        builder.HasIndex(s => new { s.Status, s.CreatedAt });
        builder.HasIndex(s => s.NormalisedUrl);
        builder.Property(s => s.Reference).HasMaxLength(16);
        builder.Property(s => s.StatusToken).HasMaxLength(64);
        builder.Property(s => s.ToolName).HasMaxLength(FieldLengths.Name);
        builder.Property(s => s.Url).HasMaxLength(FieldLengths.Url);
        builder.Property(s => s.NormalisedUrl).HasMaxLength(FieldLengths.Url);
        builder.Property(s => s.WhatItDoes).HasMaxLength(FieldLengths.LongText);
        builder.Property(s => s.SomeoneElse).HasMaxLength(FieldLengths.LongText);
        builder.Property(s => s.SuggesterName).HasMaxLength(FieldLengths.PersonName);
        builder.Property(s => s.SuggesterEmail).HasMaxLength(FieldLengths.Email);
        builder.Property(s => s.SuggesterOrganisation).HasMaxLength(FieldLengths.Organisation);
        builder.Property(s => s.Reason).HasMaxLength(FieldLengths.Reason);
        builder.Property(s => s.DecidedBy).HasMaxLength(FieldLengths.Email);
        builder.Property(s => s.Cost).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasOne(s => s.Tool).WithMany().HasForeignKey(s => s.ToolId).OnDelete(DeleteBehavior.Restrict);
    }
}
