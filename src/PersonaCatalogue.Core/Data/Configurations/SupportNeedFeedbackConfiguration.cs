using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data.Configurations;

public class SupportNeedFeedbackConfiguration : IEntityTypeConfiguration<SupportNeedFeedback>
{
    public void Configure(EntityTypeBuilder<SupportNeedFeedback> builder)
    {
        builder.ToTable("Feedback", table => table.HasCheckConstraint(
            "CK_Feedback_SupportNeedAnswered", "\"Kind\" <> 'SupportNeed' OR \"SupportNeeded\" IS NOT NULL"));
        builder.Property(f => f.SupportNeeded).HasMaxLength(FieldLengths.LongText);
    }
}
