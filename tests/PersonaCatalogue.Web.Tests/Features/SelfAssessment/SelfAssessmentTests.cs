using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.SelfAssessment;

/// <summary>The self-assessment over HTTP as a browser without JavaScript sees it: GET forms, links and redirects.</summary>
public class SelfAssessmentTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    /// <summary>
    /// Sara's levels from seed-data/personas/sara.md, except innovating with data (Sara: awareness) answered "new to
    /// this" and measuring success (Sara: practitioner) answered "aware of it".
    /// </summary>
    private static readonly Dictionary<string, string> _almostSara = new()
    {
        ["introducing-data"] = "aware",
        ["classifying-data"] = "aware",
        ["boosting-usability"] = "new",
        ["creating-value"] = "aware",
        ["innovating-with-data"] = "new",
        ["designing-services"] = "can-do",
        ["achieving-sustainability"] = "can-do",
        ["working-ethically"] = "aware",
        ["governing-access"] = "aware",
        ["building-communities"] = "aware",
        ["managing-change-and-risk"] = "can-do",
        ["measuring-success"] = "aware",
        ["using-platforms"] = "new",
        ["standardising-data"] = "new",
        ["cleaning-data"] = "new",
        ["linking-data"] = "new",
        ["finding-insights"] = "new",
        ["applying-statistics"] = "new",
        ["visualising-data"] = "new",
        ["trend-analysis"] = "new",
        ["using-data-analytics"] = "new",
        ["interacting-with-data"] = "new",
        ["making-data-intelligent"] = "new",
        ["developing-policy"] = "new",
        ["developing-strategy"] = "aware",
        ["prioritising-action"] = "new",
        ["leading-change"] = "new",
    };

    private const string AlmostSaraQuery = "introductions=aana&business=ncc&management=aaaca&publishing=nnnn&analysis=nnnnnnn&leadership=nann";

    [Fact]
    public async Task WalkEveryPage_WithoutJavaScript_GivesThePlanForTheAnswers()
    {
        using var client = app.CreateBrowserLikeClient();
        var start = await GetAsync(client, "/self-assessment");
        Assert.Equal("What should I learn next?", start.QuerySelector("h1")!.TextContent.Trim());
        var url = start.QuerySelector("main a.govuk-button--start")!.GetAttribute("href")!;
        Assert.Equal("/self-assessment/introductions", url);

        string[] areas = ["Introductions", "Business", "Management", "Publishing", "Analysis", "Leadership"];
        for (var i = 0; i < areas.Length; i++)
        {
            var page = await GetAsync(client, url);
            Assert.Equal(areas[i], page.QuerySelector("h1")!.TextContent.Trim());
            Assert.Equal($"Skill area {i + 1} of 6", page.QuerySelector(".govuk-caption-l")!.TextContent.Trim());
            url = await SubmitAsync(client, page, _almostSara);
        }

        Assert.Equal("/self-assessment/check?" + AlmostSaraQuery, url);
        var check = await GetAsync(client, url);
        Assert.Equal(6, check.QuerySelectorAll(".govuk-summary-card").Length);
        var business = check.QuerySelectorAll(".govuk-summary-card")[1];
        Assert.Equal(
            ["Innovating with data: New to this", "Designing services: Can do it", "Achieving sustainability: Can do it"],
            business.QuerySelectorAll(".govuk-summary-list__row").Select(r => $"{r.QuerySelector("dt")!.TextContent.Trim()}: {r.QuerySelector("dd")!.TextContent.Trim()}"));
        Assert.Equal("/self-assessment/business?" + AlmostSaraQuery, business.QuerySelector(".govuk-summary-card__action a")!.GetAttribute("href"));

        var result = await GetAsync(client, check.QuerySelector("main a.govuk-button")!.GetAttribute("href")!);
        AssertAlmostSaraPlan(result);
    }

    [Fact]
    public async Task Result_KnownAnswers_ClosestIsSaraWithTheGapsInTwoGroupsAndTheirTools()
    {
        var result = await app.GetDocumentAsync("/self-assessment/result?" + AlmostSaraQuery);

        AssertAlmostSaraPlan(result);
        Assert.Equal(
            ["Sara", "Chris", "Pat", "Alan", "Ida"],
            result.QuerySelectorAll("main ol.govuk-list--number li a").Select(a => a.TextContent.Split(',')[0].Trim()));
        Assert.Equal("sara", result.QuerySelector("input[name=persona][checked]")!.GetAttribute("value"));
    }

    private static void AssertAlmostSaraPlan(IHtmlDocument result)
    {
        Assert.Equal("Your learning plan", result.QuerySelector("h1")!.TextContent.Trim());
        var reason = Squash(result.QuerySelector("#closest-reason")!.TextContent);
        Assert.StartsWith("You are closest to Sara, service delivery manager and budget holder, because your answers match the level Sara needs on 25 of the 27 skills, more than for any other persona.", reason);

        var stages = result.QuerySelectorAll("section h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Start here", "Next"], stages);
        var lists = result.QuerySelectorAll("ol.app-plan__skills");
        var startHere = Assert.Single(lists[0].QuerySelectorAll("li.app-plan__skill"));
        Assert.Equal("Innovating with data", startHere.QuerySelector("h4")!.TextContent.Trim());
        Assert.Equal("/skills/innovating-with-data", startHere.QuerySelector("h4 a")!.GetAttribute("href"));
        Assert.Equal("You: new to this. Sara needs: awareness.", startHere.QuerySelector("p")!.TextContent.Trim());
        // Canvases (free, by name), then the community, then a web service; three shown, the fourth on the skill page.
        Assert.Equal(
            ["Data Ecosystem Mapping tool (canvas or template, free)", "Nesta DIY Toolkit (canvas or template, free)", "Open Data Camp (community, free)"],
            startHere.QuerySelectorAll(".app-plan__tools li").Select(li => Squash(li.TextContent)));
        Assert.Equal("All 4 tools for innovating with data", startHere.QuerySelector("p.app-no-print a")!.TextContent.Trim());

        var next = Assert.Single(lists[1].QuerySelectorAll("li.app-plan__skill"));
        Assert.Equal("Measuring success", next.QuerySelector("h4")!.TextContent.Trim());
        Assert.Equal("You: aware of it. Sara needs: practitioner.", next.QuerySelector("p")!.TextContent.Trim());
        Assert.Equal(
            ["Data and Public Services Toolkit (guide, free)", "Data Landscape Playbook (guide, free)", "GOV.UK Service Manual (guide, free)"],
            next.QuerySelectorAll(".app-plan__tools li").Select(li => Squash(li.TextContent)));
        Assert.Equal("/tools/data-and-public-services-toolkit", next.QuerySelector(".app-plan__tools a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Result_AnotherPersonaChosen_PlanIsAgainstThatPersona()
    {
        var result = await app.GetDocumentAsync("/self-assessment/result?" + AlmostSaraQuery + "&persona=pat");

        Assert.Equal("pat", result.QuerySelector("input[name=persona][checked]")!.GetAttribute("value"));
        Assert.Equal("What to learn next, against Pat", result.QuerySelector("#plan")!.TextContent.Trim());
        // Pat needs awareness of boosting usability and using platforms (answered new), and classifying data, working
        // ethically, governing access and developing policy as a practitioner (answered aware, aware, aware, new).
        var lists = result.QuerySelectorAll("ol.app-plan__skills");
        Assert.Equal(["Boosting usability", "Using platforms"], lists[0].QuerySelectorAll("h4").Select(h => h.TextContent.Trim()));
        Assert.Equal(
            ["Classifying data", "Working ethically", "Governing access", "Developing policy"],
            lists[1].QuerySelectorAll("h4").Select(h => h.TextContent.Trim()));
        // The closest persona is still Sara, whatever the plan follows.
        Assert.Contains("You are closest to Sara", result.QuerySelector("#closest-reason")!.TextContent);
    }

    [Fact]
    public async Task Result_UnknownPersona_FallsBackToTheClosest()
    {
        var result = await app.GetDocumentAsync("/self-assessment/result?" + AlmostSaraQuery + "&persona=%3Cscript%3E");

        Assert.Equal("sara", result.QuerySelector("input[name=persona][checked]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Result_AnswersMatchSaraExactly_SaysThereIsNothingToLearnAgainstSara()
    {
        var result = await app.GetDocumentAsync("/self-assessment/result?introductions=aana&business=acc&management=aaacc&publishing=nnnn&analysis=nnnnnnn&leadership=nann");

        Assert.Contains("on 27 of the 27 skills", Squash(result.QuerySelector("#closest-reason")!.TextContent));
        Assert.Empty(result.QuerySelectorAll("li.app-plan__skill"));
        Assert.Contains("Your answers already meet every level Sara needs.", result.QuerySelector("#plan")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task PlanCsv_OneRowPerToolOfEachSkillToLearn_InThePlansOrder()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/self-assessment/plan.csv?" + AlmostSaraQuery + "&persona=sara", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("learning-plan-sara.csv", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("persona,stage,skill,skill_name,area_name,your_answer,persona_level,tool_order,tool,tool_name,kind,cost,tool_level", lines[0]);
        Assert.Equal("sara,start-here,innovating-with-data,Innovating with data,Business,new,awareness,1,data-ecosystem-mapping-tool,Data Ecosystem Mapping tool,canvas-or-template,free,", lines[1]);
        Assert.Equal("sara,start-here,innovating-with-data,Innovating with data,Business,new,awareness,4,miro,Miro,web-service,freemium,", lines[4]);
        Assert.Equal("sara,next,measuring-success,Measuring success,Management,aware,practitioner,1,data-and-public-services-toolkit,Data and Public Services Toolkit,guide,free,", lines[5]);
        Assert.Equal("sara,next,measuring-success,Measuring success,Management,aware,practitioner,8,microsoft-power-bi,Microsoft Power BI,software,freemium,", lines[12]);
        Assert.Equal(13, lines.Length);
    }

    [Theory]
    [InlineData("/self-assessment/result?introductions=aana&business=ncc", "Management", "/self-assessment/management?introductions=aana&business=ncc")]
    [InlineData("/self-assessment/result", "Introductions", "/self-assessment/introductions")]
    [InlineData("/self-assessment/result?introductions=aan&business=ncc&management=aaaca&publishing=nnnn&analysis=nnnnnnn&leadership=nann", "Introductions", "/self-assessment/introductions?business=ncc&management=aaaca&publishing=nnnn&analysis=nnnnnnn&leadership=nann")]
    [InlineData("/self-assessment/result?introductions=aana&business=nxc&management=aaaca&publishing=nnnn&analysis=nnnnnnn&leadership=nann", "Business", "/self-assessment/business?introductions=aana&management=aaaca&publishing=nnnn&analysis=nnnnnnn&leadership=nann")]
    [InlineData("/self-assessment/result?introductions=aana&introductions=aana&business=ncc&management=aaaca&publishing=nnnn&analysis=nnnnnnn&leadership=nann", "Introductions", "/self-assessment/introductions?business=ncc&management=aaaca&publishing=nnnn&analysis=nnnnnnn&leadership=nann")]
    [InlineData("/self-assessment/check?introductions=aana&business=ncc&management=aaaca&publishing=nnnn&analysis=%00%01&leadership=nann", "Analysis", "/self-assessment/analysis?introductions=aana&business=ncc&management=aaaca&publishing=nnnn&leadership=nann")]
    [InlineData("/self-assessment/plan.csv?introductions=AANA", "Introductions", "/self-assessment/introductions")]
    public async Task TamperedOrHalfFilledAddress_ClearPageSendingThePersonToTheFirstUnansweredArea(string url, string area, string continueHref)
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.Equal("Error: Some answers are missing – Learning personas", doc.Title);
        var summaryLink = doc.QuerySelector(".govuk-error-summary a")!;
        Assert.Equal($"Answer the questions about {area}", summaryLink.TextContent.Trim());
        Assert.Equal("#continue", summaryLink.GetAttribute("href"));
        var button = doc.QuerySelector("#continue")!;
        Assert.Equal(continueHref, button.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/self-assessment/juggling")]
    [InlineData("/self-assessment/juggling/next")]
    public async Task UnknownArea_Is404(string url)
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AreaHalfAnswered_ShowsAnErrorPerUnansweredSkill_KeepsTheAnswersGiven()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/self-assessment/introductions/next?business=ncc&introducing-data=aware&classifying-data=maybe", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await CatalogueAppFactory.ParseAsync(response);
        Assert.StartsWith("Error: Introductions", doc.Title);
        Assert.Equal(
            ["#classifying-data", "#boosting-usability", "#creating-value"],
            doc.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Select whether you are new to classifying data, aware of it or can do it", doc.QuerySelector(".govuk-error-summary a")!.TextContent.Trim());
        Assert.Equal("Error: Select whether you are new to classifying data, aware of it or can do it", Squash(doc.QuerySelector("#classifying-data-error")!.TextContent));
        Assert.Equal("aware", doc.QuerySelector("input[name=introducing-data][checked]")!.GetAttribute("value"));
        Assert.Equal("ncc", doc.QuerySelector("input[type=hidden][name=business]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AreaAnswered_FromCheckYourAnswers_GoesBackToCheckYourAnswers()
    {
        using var client = app.CreateBrowserLikeClient();
        var page = await GetAsync(client, "/self-assessment/business?" + AlmostSaraQuery);
        // The area's own answers are the radios, ticked as before; the others travel as hidden fields.
        Assert.Equal("new", page.QuerySelector("input[name=innovating-with-data][checked]")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("input[type=hidden][name=business]"));
        Assert.Equal("/self-assessment/introductions?" + AlmostSaraQuery, page.QuerySelector(".govuk-back-link")!.GetAttribute("href"));

        var next = await SubmitAsync(client, page, new Dictionary<string, string>(_almostSara) { ["innovating-with-data"] = "can-do" });

        Assert.Equal("/self-assessment/check?" + AlmostSaraQuery.Replace("business=ncc", "business=ccc"), next);
    }

    [Fact]
    public async Task Journey_SetsNoCookieAndStoresNothing()
    {
        var before = await RowCountsAsync();
        using var client = app.CreateBrowserLikeClient();
        string[] urls =
        [
            "/self-assessment", "/self-assessment/introductions", "/self-assessment/introductions/next?introducing-data=new",
            "/self-assessment/leadership/next?" + AlmostSaraQuery.Replace("&leadership=nann", "") + "&developing-policy=new&developing-strategy=aware&prioritising-action=new&leading-change=new",
            "/self-assessment/check?" + AlmostSaraQuery, "/self-assessment/result?" + AlmostSaraQuery, "/self-assessment/result?" + AlmostSaraQuery + "&persona=ida",
            "/self-assessment/result?introductions=a", "/self-assessment/plan.csv?" + AlmostSaraQuery, "/skills/matrix",
        ];
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            Assert.True((int)response.StatusCode is 200 or 302 or 400, $"{url} gave {(int)response.StatusCode}");
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} set a cookie");
        }

        Assert.Equal(before, await RowCountsAsync());
    }

    [Fact]
    public async Task Matrix_EveryPersonaAndSkill_AgreesWithThePersonaPagesAndTheDownloads()
    {
        var matrix = await app.GetDocumentAsync("/skills/matrix");
        Assert.Equal("Level each persona needs in each skill, by skill area", matrix.QuerySelector("caption")!.TextContent.Trim());
        var personas = matrix.QuerySelectorAll("thead th[scope=col] a").Select(a => a.GetAttribute("href")!.Replace("/personas/", "")).ToList();
        Assert.Equal(["alan", "chris", "ida", "pat", "sara"], personas.Order());
        Assert.Equal(6, matrix.QuerySelectorAll("tbody th[scope=rowgroup]").Length);
        var rows = matrix.QuerySelectorAll("tbody tr").Where(r => r.QuerySelector("th[scope=row]") is not null).ToList();
        Assert.Equal(27, rows.Count);
        // Every (skill, persona) cell: the level's name, or "Not needed" for screen readers.
        var cells = rows.SelectMany(r => r.QuerySelectorAll("td").Select(td => (
                Skill: r.QuerySelector("th a")!.GetAttribute("href")!.Replace("/skills/", ""),
                Persona: td.GetAttribute("data-persona")!,
                Level: td.QuerySelector(".govuk-tag")?.TextContent.Trim() ?? td.QuerySelector(".govuk-visually-hidden")!.TextContent.Trim())))
            .ToList();
        Assert.Equal(27 * 5, cells.Count);
        Assert.Contains(("designing-services", "sara", "Practitioner"), cells);
        Assert.Contains(("designing-services", "ida", "Awareness"), cells);
        Assert.Contains(("designing-services", "pat", "Not needed"), cells);

        foreach (var persona in personas)
        {
            var page = await app.GetDocumentAsync($"/personas/{persona}");
            var fromPage = page.QuerySelectorAll(".app-persona__skills li")
                .Select(li => (li.QuerySelector("a")!.GetAttribute("href")!.Replace("/skills/", ""), li.QuerySelector(".govuk-tag")!.TextContent.Trim()))
                .OrderBy(s => s.Item1)
                .ToList();
            var fromMatrix = cells.Where(c => c.Persona == persona && c.Level != "Not needed").Select(c => (c.Skill, c.Level)).OrderBy(s => s.Skill).ToList();
            Assert.Equal(fromPage, fromMatrix);
        }

        using var client = app.CreateBrowserLikeClient();
        var csv = (await client.GetStringAsync("/data/persona-skills.csv", TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("skill,skill_name,area,area_name,alan,chris,ida,pat,sara", csv[0]);
        Assert.Equal("designing-services,Designing services,business,Business,,,awareness,,practitioner", csv.Single(l => l.StartsWith("designing-services,")));
        var header = csv[0].Split(',');
        var fromCsv = csv.Skip(1).Select(l => l.Split(',')).SelectMany(f => header.Skip(4).Select((p, i) => (Skill: f[0], Persona: p, Level: f[4 + i]))).ToList();
        Assert.Equal(
            cells.Select(c => (c.Skill, c.Persona, c.Level == "Not needed" ? "" : c.Level.ToLowerInvariant())).Order(),
            fromCsv.Select(c => (c.Skill, c.Persona, c.Level)).Order());

        using var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/data/persona-skills.json", TestContext.Current.CancellationToken));
        var fromJson = json.RootElement.GetProperty("skills").EnumerateArray()
            .SelectMany(s => s.GetProperty("levels").EnumerateArray().Select(l => (
                s.GetProperty("skill").GetString()!, l.GetProperty("persona").GetString()!, l.GetProperty("level").GetString() ?? "")))
            .Order();
        Assert.Equal(fromCsv.Select(c => (c.Skill, c.Persona, c.Level)).Order(), fromJson);
        Assert.Equal("Sara", json.RootElement.GetProperty("personas").EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "sara").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/", "/self-assessment")]
    [InlineData("/personas/sara", "/self-assessment")]
    [InlineData("/skills", "/self-assessment")]
    [InlineData("/skills", "/skills/matrix")]
    [InlineData("/data", "/data/persona-skills.csv")]
    [InlineData("/data", "/data/persona-skills.json")]
    public async Task LinkedFrom(string page, string href)
    {
        var doc = await app.GetDocumentAsync(page);
        Assert.NotNull(doc.QuerySelector($"main a[href='{href}']"));
    }

    private static async Task<IHtmlDocument> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} gave {(int)response.StatusCode}");
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} set a cookie");
        return await CatalogueAppFactory.ParseAsync(response);
    }

    /// <summary>Submits the page's GET form as a browser does (hidden fields, then the radios chosen), and returns where it redirects.</summary>
    private static async Task<string> SubmitAsync(HttpClient client, IHtmlDocument page, IReadOnlyDictionary<string, string> choices)
    {
        var form = page.QuerySelector<IHtmlFormElement>("main form")!;
        Assert.Equal("get", form.Method);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => (i.Name!, i.Value))
            .Concat(form.QuerySelectorAll<IHtmlInputElement>("input[type=radio]").Select(i => i.Name!).Distinct().Select(name => (name, choices[name])));
        var url = form.GetAttribute("action") + "?" + string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Item1)}={Uri.EscapeDataString(f.Item2)}"));
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"GET {url} gave {(int)response.StatusCode}");
        Assert.False(response.Headers.Contains("Set-Cookie"));
        return response.Headers.Location!.OriginalString;
    }

    /// <summary>The number of rows in every table of the model.</summary>
    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        await using var db = app.CreateDbContext();
        var counts = new Dictionary<string, long>();
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct())
        {
            // Table names come from the model, not from input.
            var sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\"";
            counts[table] = await db.Database.SqlQueryRaw<long>(sql).SingleAsync(TestContext.Current.CancellationToken);
        }

        return counts;
    }

    private static string Squash(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
