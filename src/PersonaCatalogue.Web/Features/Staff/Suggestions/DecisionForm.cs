using FluentValidation;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Suggestions;

/// <summary>The reject and duplicate forms on the review page; Version is the concurrency token the page was loaded with.</summary>
public class DecisionForm
{
    public Guid Version { get; set; }
    public string? Reason { get; set; }
    public string? ToolSlug { get; set; }
}

public class RejectFormValidator : AbstractValidator<DecisionForm>
{
    public RejectFormValidator()
    {
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter the reason, which the suggester will see")
            .MaximumLength(FieldLengths.Reason).WithMessage($"Reason must be {FieldLengths.Reason} characters or fewer")
            .NoControlCharacters("Reason");
    }
}

/// <summary>The duplicate form: <paramref name="original"/> is the tool at the address given, if there is one.</summary>
public class DuplicateFormValidator : AbstractValidator<DecisionForm>
{
    public DuplicateFormValidator(Tool? original)
    {
        RuleFor(f => f.ToolSlug).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the address of the tool it duplicates")
            .Must(_ => original is not null).WithMessage("There is no tool with that address; check it against the tools list");
    }
}
