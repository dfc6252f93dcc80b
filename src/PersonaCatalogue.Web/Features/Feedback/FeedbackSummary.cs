using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Shared;

namespace PersonaCatalogue.Web.Features.Feedback;

/// <summary>
/// How many people answered on one iteration of a persona and what they said, spam left out. Counted in SQL on every
/// request (nothing is cached), so a new answer or one marked as spam changes the counts at once.
/// </summary>
public record FeedbackSummary(int Iteration, int Answered, FeedbackBarsModel Usefulness, FeedbackBarsModel RightPeople)
{
    public const string UsefulnessQuestion = "How useful is this persona?";
    public const string RightPeopleQuestion = "Does it describe the right people?";

    /// <summary>One summary per iteration that has feedback in <paramref name="feedback"/>, newest iteration first.</summary>
    public static async Task<List<FeedbackSummary>> ByIterationAsync(IQueryable<PersonaFeedback> feedback, CancellationToken cancellationToken)
    {
        var groups = await feedback
            .Where(f => f.Status != FeedbackStatus.Spam)
            .GroupBy(f => new { f.Iteration, f.Usefulness, f.RightPeople })
            .Select(g => new { g.Key.Iteration, g.Key.Usefulness, g.Key.RightPeople, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return groups
            .GroupBy(g => g.Iteration)
            .OrderByDescending(g => g.Key)
            .Select(g => Build(g.Key, g.Select(x => (x.Usefulness, x.RightPeople, x.Count))))
            .ToList();
    }

    public static FeedbackSummary Build(int iteration, IEnumerable<(Usefulness Usefulness, RightPeople RightPeople, int Count)> counts)
    {
        var list = counts.ToList();
        return new FeedbackSummary(
            iteration,
            list.Sum(c => c.Count),
            FeedbackBarsModel.From(UsefulnessQuestion,
                FeedbackTerms.UsefulnessAnswers.Select(a => (a.Label, list.Where(c => c.Usefulness == a.Value).Sum(c => c.Count))),
                "usefulness"),
            FeedbackBarsModel.From(RightPeopleQuestion,
                FeedbackTerms.RightPeopleAnswers.Select(a => (a.Label, list.Where(c => c.RightPeople == a.Value).Sum(c => c.Count))),
                "right-people"));
    }

    public static FeedbackSummary Empty(int iteration) => Build(iteration, []);

    /// <summary>The same summary with its tables' ids made unique on a page that shows several iterations.</summary>
    public FeedbackSummary WithIdSuffix(string suffix) => this with
    {
        Usefulness = Usefulness with { Id = Usefulness.Id + suffix },
        RightPeople = RightPeople with { Id = RightPeople.Id + suffix },
    };
}

/// <summary>A comment staff published, as the public sees it: the giver's words only, never their email or role.</summary>
public record PublishedComment(int Iteration, DateTime CreatedAt, string? MissingOrWrong, string? HowWouldYouUseIt)
{
    public const int Shown = 20;

    /// <summary>Only where the giver agreed, staff published, and it is not spam: each condition is checked here too.</summary>
    public static IQueryable<PublishedComment> Query(IQueryable<PersonaFeedback> feedback) =>
        feedback
            .Where(f => f.CommentPublished && f.ConsentToPublish && f.Status != FeedbackStatus.Spam)
            .OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id)
            .Take(Shown)
            .Select(f => new PublishedComment(f.Iteration, f.CreatedAt, f.MissingOrWrong, f.HowWouldYouUseIt));
}

/// <summary>The feedback section of the persona page.</summary>
public record PersonaFeedbackSection(string Slug, string Name, FeedbackSummary Summary, List<PublishedComment> Comments)
{
    public static async Task<PersonaFeedbackSection> LoadAsync(CatalogueDbContext db, string slug, string name, int iteration, CancellationToken cancellationToken)
    {
        var feedback = db.PersonaFeedback.AsNoTracking().Where(f => f.Persona.Slug == slug);
        var summary = (await FeedbackSummary.ByIterationAsync(feedback.Where(f => f.Iteration == iteration), cancellationToken)).SingleOrDefault()
            ?? FeedbackSummary.Empty(iteration);
        var comments = await PublishedComment.Query(feedback).ToListAsync(cancellationToken);
        return new PersonaFeedbackSection(slug, name, summary, comments);
    }
}
