using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff.Feedback;

/// <summary>Tool feedback, missing personas and support needs in the staff inbox beside persona feedback: filters, triage, summaries.</summary>
public class OtherFeedbackInboxTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IHtmlDocument> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await CatalogueAppFactory.ParseAsync(response);
    }

    private static List<int> ListedIds(IHtmlDocument doc) =>
        doc.QuerySelectorAll("article.app-feedback-item").Select(a => int.Parse(a.Id!["feedback-".Length..])).ToList();

    /// <summary>An item's answers as (key, value) pairs, in order.</summary>
    private static List<(string Key, string Value)> Answers(IElement article) =>
        article.QuerySelectorAll(".govuk-summary-list__row")
            .Select(r => (r.QuerySelector("dt")!.TextContent.Trim(), r.QuerySelector("dd")!.TextContent.Trim()))
            .ToList();

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string action) =>
        client.PostFormAsync("/staff/feedback", [], $"/staff/feedback/{id}/{action}");

    private async Task<(PersonaFeedback Persona, ToolFeedback Tool, MissingPersonaFeedback Missing, SupportNeedFeedback Need, Tool ToolEntity)> CreateOneOfEachAsync(
        string text = "<b>not bold</b> **nor this**", string? email = null)
    {
        var persona = await app.CreatePersonaAsync();
        var tool = await app.CreateToolAsync();
        return (
            await app.CreatePersonaFeedbackAsync(persona, missingOrWrong: text, email: email),
            await app.CreateToolFeedbackAsync(tool, helped: false, whatItHelpedWith: text),
            await app.CreateMissingPersonaAsync(missingRole: "Clerk " + text, whatTheyDo: "Takes minutes", whatTheyNeedToKnow: "Where data lives", email: email, role: GiverRole.Other),
            await app.CreateSupportNeedAsync(supportNeeded: "Need " + text, areas: ["leadership", "analysis"], email: email),
            tool);
    }

    [Fact]
    public async Task Inbox_ShowsEveryKind_WithItsOwnAnswersAsPlainText()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var (persona, tool, missing, need, toolEntity) = await CreateOneOfEachAsync();

        var doc = await GetAsync(client, "/staff/feedback?status=all");

        Assert.Subset(ListedIds(doc).ToHashSet(), new HashSet<int> { persona.Id, tool.Id, missing.Id, need.Id });
        Assert.Contains("iteration 1", doc.QuerySelector($"#feedback-{persona.Id} h3")!.TextContent);

        var toolItem = doc.QuerySelector($"#feedback-{tool.Id}")!;
        Assert.Equal($"Tool feedback {tool.Id} on {toolEntity.Name}", toolItem.QuerySelector("h3")!.TextContent.Trim());
        Assert.NotNull(toolItem.QuerySelector($"h3 a[href='/tools/{toolEntity.Slug}']"));
        Assert.Equal([("Did it help", "No"), ("What it helped them do", "<b>not bold</b> **nor this**")], Answers(toolItem));

        var missingItem = doc.QuerySelector($"#feedback-{missing.Id}")!;
        Assert.Equal($"Missing persona {missing.Id}", missingItem.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal(
            [("Missing role", "Clerk <b>not bold</b> **nor this**"), ("What they do", "Takes minutes"), ("What they need to know", "Where data lives"), ("Their role", "Other")],
            Answers(missingItem));

        var needItem = doc.QuerySelector($"#feedback-{need.Id}")!;
        Assert.Equal($"Support need {need.Id}", needItem.QuerySelector("h3")!.TextContent.Trim());
        Assert.Equal(
            [("Support needed", "Need <b>not bold</b> **nor this**"), ("Skill areas", "Analysis, Leadership"), ("Their role", "Not given")],
            Answers(needItem));

        // Plain text only, and only persona comments can be published.
        foreach (var item in new[] { toolItem, missingItem, needItem })
        {
            Assert.Null(item.QuerySelector("b, strong:not(.govuk-tag), script"));
            Assert.Null(item.QuerySelector("form[action$='/publish']"));
            Assert.NotNull(item.QuerySelector("form[action$='/review']"));
            Assert.NotNull(item.QuerySelector("form[action$='/spam']"));
            Assert.Null(item.QuerySelector(".app-feedback-item__note"));
        }
    }

    [Theory]
    [InlineData("persona")]
    [InlineData("tool")]
    [InlineData("missing-persona")]
    [InlineData("support-need")]
    public async Task Inbox_FiltersByKind(string kind)
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var (persona, tool, missing, need, _) = await CreateOneOfEachAsync();
        var ids = new Dictionary<string, int> { ["persona"] = persona.Id, ["tool"] = tool.Id, ["missing-persona"] = missing.Id, ["support-need"] = need.Id };

        var doc = await GetAsync(client, $"/staff/feedback?kind={kind}&status=all");

        var listed = ListedIds(doc);
        Assert.Contains(ids[kind], listed);
        Assert.DoesNotContain(ids.Where(i => i.Key != kind).Select(i => i.Value), listed.Contains);
        await using var db = app.CreateDbContext();
        var kinds = await db.Feedback.Where(f => listed.Contains(f.Id)).Select(f => f.Kind).Distinct().ToListAsync(Ct);
        Assert.Equal([FeedbackTerms.Kinds.FromSlug(kind)!.Value], kinds);
        Assert.NotNull(doc.QuerySelector($"select#kind option[value='{kind}'][selected]"));
        Assert.NotNull(doc.QuerySelector($"a[href='/staff/feedback/export.csv?kind={kind}&status=all']"));
    }

    [Fact]
    public async Task Inbox_FiltersSupportNeedsBySkillArea()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var leadership = await app.CreateSupportNeedAsync(areas: ["leadership"]);
        var management = await app.CreateSupportNeedAsync(areas: ["management", "business"]);
        var none = await app.CreateSupportNeedAsync();

        var listed = ListedIds(await GetAsync(client, "/staff/feedback?kind=support-need&area=management&status=all"));

        Assert.Contains(management.Id, listed);
        Assert.DoesNotContain(leadership.Id, listed);
        Assert.DoesNotContain(none.Id, listed);
    }

    [Fact]
    public async Task Triage_ReviewAndSpam_WorkOnEveryKind_AndAreAudited_ButPublishOnlyOnPersonas()
    {
        var (client, email) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var (_, tool, missing, need, _) = await CreateOneOfEachAsync();

        foreach (var id in new[] { tool.Id, missing.Id, need.Id })
        {
            using var reviewed = await ActAsync(client, id, "review");
            Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
            using var spam = await ActAsync(client, id, "spam");
            Assert.Equal(HttpStatusCode.Redirect, spam.StatusCode);
            using var publish = await ActAsync(client, id, "publish");
            Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
            Assert.Contains("Only comments on personas are published", (await CatalogueAppFactory.ParseAsync(publish)).QuerySelector("#reason")!.TextContent);
        }

        await using var db = app.CreateDbContext();
        var stored = await db.Feedback.AsNoTracking().Where(f => f.Id == tool.Id || f.Id == missing.Id || f.Id == need.Id).ToListAsync(Ct);
        Assert.All(stored, f => Assert.Equal((FeedbackStatus.Spam, false, email), (f.Status, f.CommentPublished, f.ReviewedBy)));
        foreach (var id in new[] { tool.Id, missing.Id, need.Id }.Select(i => i.ToString()))
        {
            var actions = await db.AuditEvents.Where(e => e.TargetType == "feedback" && e.TargetKey == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct);
            Assert.Equal(["feedback.reviewed", "feedback.spam"], actions);
        }
    }

    [Fact]
    public async Task Post_AnonymousOnAnyKind_RedirectsToSignIn_AndChangesNothing()
    {
        var (_, tool, missing, need, _) = await CreateOneOfEachAsync();
        using var client = app.CreateBrowserLikeClient();

        foreach (var id in new[] { tool.Id, missing.Id, need.Id })
        {
            using var response = await client.PostFormAsync("/staff/sign-in", [], actionUrl: $"/staff/feedback/{id}/spam");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/staff/sign-in", response.Headers.Location!.AbsolutePath);
        }

        await using var db = app.CreateDbContext();
        Assert.All(await db.Feedback.Where(f => f.Id == tool.Id || f.Id == missing.Id || f.Id == need.Id).ToListAsync(Ct), f => Assert.Equal(FeedbackStatus.New, f.Status));
    }

    [Fact]
    public async Task Inbox_ShowsEmailsOnlyToAdministrators()
    {
        var (_, _, missing, need, _) = await CreateOneOfEachAsync(email: "giver.of.needs@example.org");
        var (moderator, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var (administrator, _) = await app.SignedInClientAsync(StaffRoles.Administrator);

        var asModerator = await GetAsync(moderator, "/staff/feedback?status=all");
        var asAdministrator = await GetAsync(administrator, "/staff/feedback?status=all");

        Assert.DoesNotContain("giver.of.needs@example.org", asModerator.DocumentElement.OuterHtml);
        Assert.Contains(("Email", "giver.of.needs@example.org"), Answers(asAdministrator.QuerySelector($"#feedback-{missing.Id}")!));
        Assert.Contains(("Email", "giver.of.needs@example.org"), Answers(asAdministrator.QuerySelector($"#feedback-{need.Id}")!));
    }

    [Fact]
    public async Task ToolFeedback_SummaryByTool_CountsAnswersAndHelped_LeavingSpamOut()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var tool = await app.CreateToolAsync();
        await app.CreateToolFeedbackAsync(tool, helped: true);
        await app.CreateToolFeedbackAsync(tool, helped: true, status: FeedbackStatus.Reviewed);
        await app.CreateToolFeedbackAsync(tool, helped: false);
        await app.CreateToolFeedbackAsync(tool, helped: true, status: FeedbackStatus.Spam);

        var doc = await GetAsync(client, "/staff/feedback?kind=tool");

        var row = doc.QuerySelectorAll("#tool-overview tbody tr").Single(r => r.QuerySelector("a")!.TextContent == tool.Name);
        Assert.Equal(["2", "3", "2"], row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()));
    }

    [Fact]
    public async Task SupportNeedsSummary_CountsNeedsPerSkillArea_LeavingSpamOut()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        async Task<Dictionary<string, (int Needs, int New)>> CountsAsync()
        {
            var doc = await GetAsync(client, "/staff/feedback/support-needs");
            Assert.Equal("Support needs by skill area", doc.QuerySelector("h1")!.TextContent.Trim());
            return doc.QuerySelectorAll("#support-needs-by-area tbody tr").ToDictionary(
                r => r.Id!,
                r => (int.Parse(r.QuerySelectorAll("td")[0].TextContent), int.TryParse(r.QuerySelectorAll("td")[1].TextContent, out var n) ? n : 0));
        }

        var before = await CountsAsync();
        await app.CreateSupportNeedAsync(areas: ["analysis", "publishing"]);
        await app.CreateSupportNeedAsync(areas: ["analysis"], status: FeedbackStatus.Reviewed);
        await app.CreateSupportNeedAsync(areas: ["analysis", "leadership"], status: FeedbackStatus.Spam);
        await app.CreateSupportNeedAsync();
        var after = await CountsAsync();

        Assert.Equal((2, 1), (after["area-analysis"].Needs - before["area-analysis"].Needs, after["area-analysis"].New - before["area-analysis"].New));
        Assert.Equal((1, 1), (after["area-publishing"].Needs - before["area-publishing"].Needs, after["area-publishing"].New - before["area-publishing"].New));
        Assert.Equal(0, after["area-leadership"].Needs - before["area-leadership"].Needs);
        Assert.Equal(1, after["area-none"].Needs - before["area-none"].Needs);
        Assert.Equal(6, after.Count - 1);

        var inbox = await GetAsync(client, "/staff/feedback");
        Assert.NotNull(inbox.QuerySelector("a[href='/staff/feedback/support-needs']"));
        var summary = await GetAsync(client, "/staff/feedback/support-needs");
        Assert.NotNull(summary.QuerySelector("#area-analysis a[href='/staff/feedback?kind=support-need&area=analysis&status=all']"));
    }

    [Fact]
    public async Task Dashboard_CountsNewFeedbackOfEveryKind()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var before = int.Parse((await GetAsync(client, "/staff")).QuerySelector("#feedback-count span")!.TextContent);
        var tool = await app.CreateToolAsync();
        await app.CreateToolFeedbackAsync(tool);
        await app.CreateToolFeedbackAsync(tool, status: FeedbackStatus.Reviewed);
        await app.CreateMissingPersonaAsync();
        await app.CreateSupportNeedAsync(status: FeedbackStatus.Spam);
        await app.CreateSupportNeedAsync();

        var doc = await GetAsync(client, "/staff");

        Assert.Equal(before + 3, int.Parse(doc.QuerySelector("#feedback-count span")!.TextContent));
        var byKind = doc.QuerySelectorAll("#feedback-by-kind li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(byKind, k => k.StartsWith("Tool feedback: "));
        Assert.Contains(byKind, k => k.StartsWith("Missing persona: "));
        Assert.Contains(byKind, k => k.StartsWith("Support need: "));
        Assert.NotNull(doc.QuerySelector("#feedback-by-kind a[href='/staff/feedback?kind=tool']"));
        Assert.NotNull(doc.QuerySelector("a[href='/staff/feedback/support-needs']"));
    }

    [Fact]
    public async Task Export_HasEveryKindWithItsOwnColumns_AndNeutralisesFormulas()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var tool = await app.CreateToolAsync();
        var toolFeedback = await app.CreateToolFeedbackAsync(tool, helped: true, whatItHelpedWith: "=HYPERLINK(\"https://evil.example.com\",\"Click\")");
        var missing = await app.CreateMissingPersonaAsync(missingRole: "+SUM(1,2)", whatTheyDo: "-2+3", whatTheyNeedToKnow: "@SUM(A1)", email: "=cmd@example.org");
        var need = await app.CreateSupportNeedAsync(supportNeeded: "=1+1, \"quoted\"\nand more", areas: ["publishing", "introductions"], email: "@me@example.org");

        var (_, raw, headers, rows) = await FeedbackExportTests.ExportAsync(client, "?status=all");

        Assert.Equal("email", headers[^1]);
        var byId = rows.ToDictionary(r => int.Parse(r["id"]));
        var toolRow = byId[toolFeedback.Id];
        Assert.Equal(("tool", tool.Slug, "yes", "'=HYPERLINK(\"https://evil.example.com\",\"Click\")"), (toolRow["kind"], toolRow["tool"], toolRow["helped"], toolRow["what_it_helped_do"]));
        Assert.Equal(("", "", "", ""), (toolRow["persona"], toolRow["iteration"], toolRow["usefulness"], toolRow["missing_role"]));
        var missingRow = byId[missing.Id];
        Assert.Equal(("missing-persona", "'+SUM(1,2)", "'-2+3", "'@SUM(A1)", "'=cmd@example.org"),
            (missingRow["kind"], missingRow["missing_role"], missingRow["what_they_do"], missingRow["what_they_need_to_know"], missingRow["email"]));
        var needRow = byId[need.Id];
        Assert.Equal(("support-need", "'=1+1, \"quoted\"\nand more", "introductions; publishing", "'@me@example.org", "new"),
            (needRow["kind"], needRow["support_needed"], needRow["skill_areas"], needRow["email"], needRow["status"]));
        Assert.All(rows.SelectMany(r => r.Values), cell => Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', cell));
        Assert.DoesNotContain(",=", raw);

        var (_, _, _, onlyNeeds) = await FeedbackExportTests.ExportAsync(client, "?kind=support-need&status=all");
        Assert.All(onlyNeeds, r => Assert.Equal("support-need", r["kind"]));
        Assert.Contains(onlyNeeds, r => r["id"] == need.Id.ToString());
    }
}
