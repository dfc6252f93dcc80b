using System.Net;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff.Feedback;

/// <summary>Every staff feedback route needs a signed-in member of staff; the public never reaches the inbox, its actions or the export.</summary>
public class FeedbackAccessTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> GetRoutes =>
    [
        "/staff/feedback",
        "/staff/feedback?persona=sara&iteration=1&status=all&page=2",
        "/staff/feedback/export.csv",
        "/staff/feedback/export.csv?status=all",
        "/staff/feedback?kind=tool&status=all",
        "/staff/feedback?kind=support-need&area=analysis",
        "/staff/feedback/export.csv?kind=missing-persona",
        "/staff/feedback/support-needs",
    ];

    public static TheoryData<string> PostRoutes =>
    [
        "/staff/feedback/{id}/review",
        "/staff/feedback/{id}/spam",
        "/staff/feedback/{id}/publish",
        "/staff/feedback/{id}/withdraw",
    ];

    [Theory]
    [MemberData(nameof(GetRoutes))]
    public async Task Get_Anonymous_RedirectsToSignIn(string url)
    {
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/sign-in", response.Headers.Location!.AbsolutePath);
        Assert.Contains("returnUrl=" + Uri.EscapeDataString(url), response.Headers.Location.Query);
    }

    [Theory]
    [MemberData(nameof(PostRoutes))]
    public async Task Post_AnonymousWithValidToken_RedirectsToSignIn_AndChangesNothing(string route)
    {
        var persona = await app.CreatePersonaAsync();
        var feedback = await app.CreatePersonaFeedbackAsync(persona, consent: true, published: route.EndsWith("withdraw"));
        using var client = app.CreateBrowserLikeClient();

        using var response = await client.PostFormAsync("/staff/sign-in", [], actionUrl: route.Replace("{id}", feedback.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/sign-in", response.Headers.Location!.AbsolutePath);
        await using var db = app.CreateDbContext();
        var stored = await db.PersonaFeedback.FindAsync([feedback.Id], Ct);
        Assert.Equal(FeedbackStatus.New, stored!.Status);
        Assert.Equal(feedback.CommentPublished, stored.CommentPublished);
        var key = feedback.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain(db.AuditEvents, e => e.TargetType == "feedback" && e.TargetKey == key);
    }

    [Theory]
    [MemberData(nameof(PostRoutes))]
    public async Task Post_SignedInWithoutAntiforgeryToken_IsRefused(string route)
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var persona = await app.CreatePersonaAsync();
        var feedback = await app.CreatePersonaFeedbackAsync(persona, consent: true, published: route.EndsWith("withdraw"));

        using var response = await client.PostAsync(route.Replace("{id}", feedback.Id.ToString()), new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.PersonaFeedback.FindAsync([feedback.Id], Ct);
        Assert.Equal(FeedbackStatus.New, stored!.Status);
        Assert.Equal(feedback.CommentPublished, stored.CommentPublished);
    }

    [Theory]
    [InlineData(StaffRoles.Moderator)]
    [InlineData(StaffRoles.Administrator)]
    public async Task Get_AnyStaffRole_ReachesTheInboxAndTheExport(string role)
    {
        var (client, _) = await app.SignedInClientAsync(role);

        using var inbox = await client.GetAsync("/staff/feedback", Ct);
        using var export = await client.GetAsync("/staff/feedback/export.csv", Ct);

        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    [Fact]
    public async Task Post_UnknownFeedback_IsNotFound()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);

        using var response = await client.PostFormAsync("/staff/feedback", [], "/staff/feedback/999999/review");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
