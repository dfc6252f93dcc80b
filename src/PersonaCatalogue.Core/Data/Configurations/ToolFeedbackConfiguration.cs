using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class ToolFeedbackConfiguration : IEntityTypeConfiguration<ToolFeedback>
{
    public void Configure(EntityTypeBuilder<ToolFeedback> builder)
    {
        // The subclass's columns are nullable in the shared table, so the database itself says that tool feedback has its answer.
        builder.ToTable("Feedback", table => table.HasCheckConstraint(
            "CK_Feedback_ToolFeedbackAnswered", "\"Kind\" <> 'Tool' OR (\"ToolId\" IS NOT NULL AND \"Helped\" IS NOT NULL)"));
        builder.Property(f => f.WhatItHelpedWith).HasMaxLength(FieldLengths.LongText);
        // Feedback is kept: a tool with feedback cannot be deleted by accident (tools are retired, not deleted).
        builder.HasOne(f => f.Tool).WithMany().HasForeignKey(f => f.ToolId).OnDelete(DeleteBehavior.Restrict);
        // The count on the tool page and the "most found helpful" sort read only this index.
        builder.HasIndex(f => new { f.ToolId, f.Status, f.Helped });
    }
}
