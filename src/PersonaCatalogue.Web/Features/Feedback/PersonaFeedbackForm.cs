using FluentValidation;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Feedback;

/// <summary>The persona feedback form as posted: answers are slugs from <see cref="FeedbackTerms"/>.</summary>
public class PersonaFeedbackForm : HoneypotForm
{
    public string? Usefulness { get; set; }
    public string? RightPeople { get; set; }
    public string? MissingOrWrong { get; set; }
    public string? HowWouldYouUseIt { get; set; }
    public string? YourRole { get; set; }

    /// <summary>"yes" when the giver agrees that their comment may be published without their name.</summary>
    public string? Publish { get; set; }
    public string? Email { get; set; }

    public void NormaliseLineBreaks()
    {
        MissingOrWrong = FeedbackRules.NormaliseLineBreaks(MissingOrWrong);
        HowWouldYouUseIt = FeedbackRules.NormaliseLineBreaks(HowWouldYouUseIt);
    }

    /// <summary>The feedback to store; call only once the form is valid.</summary>
    public PersonaFeedback ToFeedback(Persona persona, DateTime now) => new()
    {
        PersonaId = persona.Id,
        Iteration = persona.Iteration,
        Usefulness = FeedbackTerms.UsefulnessAnswers.FromSlug(Usefulness)!.Value,
        RightPeople = FeedbackTerms.RightPeopleAnswers.FromSlug(RightPeople)!.Value,
        MissingOrWrong = MissingOrWrong,
        HowWouldYouUseIt = HowWouldYouUseIt,
        GiverRole = FeedbackTerms.Roles.FromSlug(YourRole),
        ConsentToPublish = Publish == "yes",
        Email = Email,
        CreatedAt = now,
    };
}

/// <summary>The rules in the order the questions appear, so the error summary follows the page.</summary>
public class PersonaFeedbackFormValidator : AbstractValidator<PersonaFeedbackForm>
{
    public PersonaFeedbackFormValidator()
    {
        RuleFor(f => f.Usefulness).RequiredOneOf(FeedbackTerms.UsefulnessAnswers, "Select how useful this persona is to you");
        RuleFor(f => f.RightPeople).RequiredOneOf(FeedbackTerms.RightPeopleAnswers, "Select whether the persona describes the right people");
        RuleFor(f => f.MissingOrWrong).Comment("What is missing or wrong");
        RuleFor(f => f.HowWouldYouUseIt).Comment("How you would use it");
        RuleFor(f => f.YourRole).OneOf(FeedbackTerms.Roles, "Select your role from the list");
        RuleFor(f => f.Publish).YesOrNo("Select yes if we may publish your comment, or no");
        RuleFor(f => f.Email).OptionalEmail();
    }
}
