using FluentValidation;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Feedback;

/// <summary>The "Is someone missing?" form as posted.</summary>
public class MissingPersonaForm : HoneypotForm
{
    public string? MissingRole { get; set; }
    public string? WhatTheyDo { get; set; }
    public string? WhatTheyNeedToKnow { get; set; }
    public string? YourRole { get; set; }
    public string? Email { get; set; }

    public void NormaliseLineBreaks()
    {
        MissingRole = FeedbackRules.NormaliseLineBreaks(MissingRole);
        WhatTheyDo = FeedbackRules.NormaliseLineBreaks(WhatTheyDo);
        WhatTheyNeedToKnow = FeedbackRules.NormaliseLineBreaks(WhatTheyNeedToKnow);
    }

    /// <summary>The feedback to store; call only once the form is valid.</summary>
    public MissingPersonaFeedback ToFeedback(DateTime now) => new()
    {
        MissingRole = MissingRole!,
        WhatTheyDo = WhatTheyDo!,
        WhatTheyNeedToKnow = WhatTheyNeedToKnow!,
        GiverRole = FeedbackTerms.Roles.FromSlug(YourRole),
        Email = Email,
        CreatedAt = now,
    };
}

/// <summary>The rules in the order the questions appear, so the error summary follows the page.</summary>
public class MissingPersonaFormValidator : AbstractValidator<MissingPersonaForm>
{
    public MissingPersonaFormValidator()
    {
        RuleFor(f => f.MissingRole).RequiredComment("Enter the role that is missing", "The role that is missing");
        RuleFor(f => f.WhatTheyDo).RequiredComment("Enter what they do", "What they do");
        RuleFor(f => f.WhatTheyNeedToKnow).RequiredComment("Enter what they need to know", "What they need to know");
        RuleFor(f => f.YourRole).OneOf(FeedbackTerms.Roles, "Select your role from the list");
        RuleFor(f => f.Email).OptionalEmail();
    }
}
