using FluentValidation;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Feedback;

/// <summary>The "Did this tool help you?" form on the tool page, as posted.</summary>
public class ToolFeedbackForm : HoneypotForm
{
    /// <summary>"yes" or "no".</summary>
    public string? Helped { get; set; }
    public string? WhatItHelpedWith { get; set; }

    public void NormaliseLineBreaks() => WhatItHelpedWith = FeedbackRules.NormaliseLineBreaks(WhatItHelpedWith);

    /// <summary>The feedback to store; call only once the form is valid.</summary>
    public ToolFeedback ToFeedback(int toolId, DateTime now) => new()
    {
        ToolId = toolId,
        Helped = Helped == "yes",
        WhatItHelpedWith = WhatItHelpedWith,
        CreatedAt = now,
    };
}

public class ToolFeedbackFormValidator : AbstractValidator<ToolFeedbackForm>
{
    public ToolFeedbackFormValidator()
    {
        RuleFor(f => f.Helped).RequiredYesOrNo("Select yes if this tool helped you, or no");
        RuleFor(f => f.WhatItHelpedWith).Comment("What it helped you do");
    }
}
