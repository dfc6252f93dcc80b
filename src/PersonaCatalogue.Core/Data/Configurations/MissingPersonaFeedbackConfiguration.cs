using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class MissingPersonaFeedbackConfiguration : IEntityTypeConfiguration<MissingPersonaFeedback>
{
    public void Configure(EntityTypeBuilder<MissingPersonaFeedback> builder)
    {
        builder.ToTable("Feedback", table => table.HasCheckConstraint(
            "CK_Feedback_MissingPersonaAnswered",
            "\"Kind\" <> 'MissingPersona' OR (\"MissingRole\" IS NOT NULL AND \"WhatTheyDo\" IS NOT NULL AND \"WhatTheyNeedToKnow\" IS NOT NULL)"));
        builder.Property(f => f.MissingRole).HasMaxLength(FieldLengths.LongText);
        builder.Property(f => f.WhatTheyDo).HasMaxLength(FieldLengths.LongText);
        builder.Property(f => f.WhatTheyNeedToKnow).HasMaxLength(FieldLengths.LongText);
    }
}
