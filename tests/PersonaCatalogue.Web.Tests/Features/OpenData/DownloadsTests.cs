using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.VisualBasic.FileIO;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.OpenData;

public class DownloadsTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Parses CSV with the framework's own RFC 4180 reader, which handles quoted commas, quotes and line breaks.</summary>
    private static List<Dictionary<string, string>> ParseCsv(string csv)
    {
        using var parser = new TextFieldParser(new StringReader(csv)) { HasFieldsEnclosedInQuotes = true, TextFieldType = FieldType.Delimited };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            Assert.Equal(header.Length, fields.Length);
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }

        return rows;
    }

    private async Task<string> GetAsync(string url, string contentType)
    {
        using var client = app.CreateBrowserLikeClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Origin", "https://elsewhere.example.org");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task Personas_JsonAndCsv_RoundTripTheCatalogue()
    {
        await using var db = app.CreateDbContext();
        var sara = await db.Personas.Include(p => p.Skills).ThenInclude(s => s.Skill).Include(p => p.Tools).ThenInclude(t => t.Tool).SingleAsync(p => p.Slug == "sara", Ct);

        using var json = JsonDocument.Parse(await GetAsync("/data/personas.json", "application/json"));
        var csv = ParseCsv(await GetAsync("/data/personas.csv", "text/csv"));

        Assert.Equal(await db.Personas.CountAsync(Ct), json.RootElement.GetArrayLength());
        Assert.Equal(await db.Personas.CountAsync(Ct), csv.Count);
        var saraJson = json.RootElement.EnumerateArray().Single(p => p.GetProperty("slug").GetString() == "sara");
        Assert.Equal(sara.Role, saraJson.GetProperty("role").GetString());
        Assert.Equal(sara.Skills.Count, saraJson.GetProperty("skills").GetArrayLength());
        var designing = saraJson.GetProperty("skills").EnumerateArray().Single(s => s.GetProperty("skill").GetString() == "designing-services");
        Assert.Equal("practitioner", designing.GetProperty("level").GetString());
        Assert.Equal(sara.Skills.Single(s => s.Skill.Slug == "designing-services").Why, designing.GetProperty("why").GetString());
        var publishedTools = sara.Tools.Where(t => t.Tool.Status == ToolStatus.Published).ToList();
        Assert.Equal(publishedTools.Count, saraJson.GetProperty("tools").GetArrayLength());

        var saraCsv = csv.Single(r => r["slug"] == "sara");
        Assert.Contains("designing-services (practitioner)", saraCsv["skills"]);
        Assert.Equal(publishedTools.Count, saraCsv["tools"].Split("; ").Length);
        Assert.Equal(sara.Goals, JsonSerializer.Deserialize<List<string>>(saraCsv["goals"]));
        Assert.Equal(designing.GetProperty("why").GetString(),
            JsonDocument.Parse(saraCsv["skills_json"]).RootElement.EnumerateArray().Single(s => s.GetProperty("skill").GetString() == "designing-services").GetProperty("why").GetString());
    }

    [Fact]
    public async Task Skills_JsonAndCsv_HaveEveryAreaLevelAndSkill()
    {
        using var json = JsonDocument.Parse(await GetAsync("/data/skills.json", "application/json"));
        var csv = ParseCsv(await GetAsync("/data/skills.csv", "text/csv"));

        Assert.Equal(6, json.RootElement.GetProperty("areas").GetArrayLength());
        Assert.Equal(["awareness", "practitioner"], json.RootElement.GetProperty("levels").EnumerateArray().Select(l => l.GetProperty("slug").GetString()));
        Assert.Equal(27, json.RootElement.GetProperty("skills").GetArrayLength());
        Assert.Equal(27, csv.Count);
        var designing = csv.Single(r => r["slug"] == "designing-services");
        Assert.Equal("business", designing["area"]);
        Assert.Contains("sara (practitioner)", designing["personas"]);
    }

    [Fact]
    public async Task Tools_JsonAndCsv_HaveEveryPublishedToolWithAllItsLinks()
    {
        await using var db = app.CreateDbContext();
        var published = await db.Tools.CountAsync(t => t.Status == ToolStatus.Published, Ct);
        var canvas = await db.Tools.Include(t => t.Skills).ThenInclude(s => s.Skill).Include(t => t.Personas).ThenInclude(p => p.Persona)
            .SingleAsync(t => t.Slug == "data-ethics-canvas", Ct);

        using var json = JsonDocument.Parse(await GetAsync("/data/tools.json", "application/json"));
        var csv = ParseCsv(await GetAsync("/data/tools.csv", "text/csv"));

        Assert.Equal(published, json.RootElement.GetArrayLength());
        Assert.Equal(published, csv.Count);
        var row = csv.Single(r => r["slug"] == "data-ethics-canvas");
        Assert.Equal(canvas.Skills.Select(s => s.Skill.Slug).Order(), row["skills"].Split("; ").Order());
        Assert.Equal(canvas.Personas.Select(p => p.Persona.Slug).Order(), row["personas"].Split("; ").Order());
        Assert.Equal(canvas.Url, row["url"]);
        Assert.Equal("true", row["open"]); // seed-data: the Data Ethics Canvas is openly licensed (CC BY-SA)
        var jsonTool = json.RootElement.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "data-ethics-canvas");
        Assert.Equal(canvas.Personas.Count, jsonTool.GetProperty("personas").GetArrayLength());
    }

    [Fact]
    public async Task Csv_AwkwardValues_SurviveAndFormulasAreDefused()
    {
        await using (var db = app.CreateDbContext())
        {
            var tool = await db.Tools.SingleAsync(t => t.Slug == "pandas", Ct);
            tool.Summary = "=HYPERLINK(\"http://evil.example\", \"click\")";
            tool.Description = "Line one, with a comma\nLine \"two\" with quotes";
            tool.Publisher = "@attacker";
            (await db.Tools.SingleAsync(t => t.Slug == "rstudio", Ct)).Summary = "+1 for statistics; -2 for nothing";
            await db.SaveChangesAsync(Ct);
        }

        var csv = ParseCsv(await GetAsync("/data/tools.csv", "text/csv"));
        using var json = JsonDocument.Parse(await GetAsync("/data/tools.json", "application/json"));

        var pandas = csv.Single(r => r["slug"] == "pandas");
        Assert.Equal("'=HYPERLINK(\"http://evil.example\", \"click\")", pandas["summary"]);
        Assert.Equal("Line one, with a comma\nLine \"two\" with quotes", pandas["description_markdown"]);
        Assert.Equal("'@attacker", pandas["publisher"]);
        Assert.Equal("'+1 for statistics; -2 for nothing", csv.Single(r => r["slug"] == "rstudio")["summary"]);
        var pandasJson = json.RootElement.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "pandas");
        Assert.Equal("=HYPERLINK(\"http://evil.example\", \"click\")", pandasJson.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task Downloads_ReflectARetiredToolAtOnce()
    {
        await using var db = app.CreateDbContext();
        var tool = await db.Tools.SingleAsync(t => t.Slug == "wikidata", Ct);
        tool.Status = ToolStatus.Retired;
        await db.SaveChangesAsync(Ct);

        Assert.DoesNotContain(ParseCsv(await GetAsync("/data/tools.csv", "text/csv")), r => r["slug"] == "wikidata");
        Assert.DoesNotContain("\"wikidata\"", await GetAsync("/data/personas.json", "application/json"));

        tool.Status = ToolStatus.Published;
        await db.SaveChangesAsync(Ct);
        Assert.Contains(ParseCsv(await GetAsync("/data/tools.csv", "text/csv")), r => r["slug"] == "wikidata");
    }

    [Fact]
    public async Task FeedbackCounts_CountPerPersonaAndIteration_WithoutSpamCommentsOrEmails()
    {
        await using (var db = app.CreateDbContext())
        {
            var pat = await db.Personas.SingleAsync(p => p.Slug == "pat", Ct);
            PersonaFeedback Answer(Usefulness usefulness, RightPeople rightPeople, FeedbackStatus status = FeedbackStatus.New) => new()
            {
                Persona = pat,
                Iteration = pat.Iteration,
                Usefulness = usefulness,
                RightPeople = rightPeople,
                Status = status,
                MissingOrWrong = "secret-comment-text",
                Email = "giver@example.org",
                CreatedAt = DateTime.UtcNow,
            };
            db.PersonaFeedback.AddRange(
                Answer(Usefulness.VeryUseful, RightPeople.Yes),
                Answer(Usefulness.VeryUseful, RightPeople.Partly),
                Answer(Usefulness.NotUseful, RightPeople.No),
                Answer(Usefulness.NotUseful, RightPeople.No, FeedbackStatus.Spam));
            await db.SaveChangesAsync(Ct);
        }

        var jsonText = await GetAsync("/data/feedback-counts.json", "application/json");
        var csvText = await GetAsync("/data/feedback-counts.csv", "text/csv");

        Assert.DoesNotContain("secret-comment-text", jsonText + csvText);
        Assert.DoesNotContain("giver@example.org", jsonText + csvText);
        var pat3 = ParseCsv(csvText).Single(r => r["persona"] == "pat" && r["iteration"] == "3");
        Assert.Equal("3", pat3["answered"]);
        Assert.Equal("2", pat3["very_useful"]);
        Assert.Equal("0", pat3["somewhat_useful"]);
        Assert.Equal("1", pat3["not_useful"]);
        Assert.Equal("1", pat3["right_people_yes"]);
        Assert.Equal("1", pat3["right_people_partly"]);
        Assert.Equal("1", pat3["right_people_no"]);
        var json = JsonDocument.Parse(jsonText).RootElement.EnumerateArray().ToList();
        Assert.Equal(3, json.Single(r => r.GetProperty("persona").GetString() == "pat" && r.GetProperty("iteration").GetInt32() == 3).GetProperty("answered").GetInt32());
        Assert.Equal(0, json.Single(r => r.GetProperty("persona").GetString() == "pat" && r.GetProperty("iteration").GetInt32() == 1).GetProperty("answered").GetInt32());
    }

    [Fact]
    public async Task ToolHelpfulness_CountsYesAndNoPerTool_WithoutSpamOrWords()
    {
        var tool = await app.CreateToolAsync("Helpfulness counted");
        await app.CreateToolFeedbackAsync(tool, helped: true, whatItHelpedWith: "secret-helped-text");
        await app.CreateToolFeedbackAsync(tool, helped: true);
        await app.CreateToolFeedbackAsync(tool, helped: false);
        await app.CreateToolFeedbackAsync(tool, helped: false, status: FeedbackStatus.Spam);

        var jsonText = await GetAsync("/data/tool-helpfulness.json", "application/json");
        var csvText = await GetAsync("/data/tool-helpfulness.csv", "text/csv");

        Assert.DoesNotContain("secret-helped-text", jsonText + csvText);
        var csv = ParseCsv(csvText);
        var row = csv.Single(r => r["tool"] == tool.Slug);
        Assert.Equal(("Helpfulness counted", "3", "2", "1"), (row["tool_name"], row["answered"], row["helped"], row["not_helped"]));
        Assert.Equal(["tool", "tool_name", "answered", "helped", "not_helped"], csv[0].Keys);
        var json = JsonDocument.Parse(jsonText).RootElement.EnumerateArray().ToList();
        var record = json.Single(r => r.GetProperty("tool").GetString() == tool.Slug);
        Assert.Equal((3, 2, 1), (record.GetProperty("answered").GetInt32(), record.GetProperty("helped").GetInt32(), record.GetProperty("not_helped").GetInt32()));
        await using var db = app.CreateDbContext();
        // Every published tool has a row, zeros where nobody answered.
        Assert.Equal(await db.Tools.CountAsync(t => t.Status == ToolStatus.Published, Ct), json.Count);
        Assert.Equal(csv.Count, json.Count);
        Assert.Equal("0", csv.First(r => r["tool"] != tool.Slug)["answered"]);
    }

    [Fact]
    public async Task SupportNeeds_CountPerAreaForTwelveMonths_WithoutSpamOrWords()
    {
        await app.CreateSupportNeedAsync("secret-need-text", ["leadership", "publishing"]);
        await app.CreateSupportNeedAsync(areas: ["leadership"]);
        await app.CreateSupportNeedAsync(areas: []);
        await app.CreateSupportNeedAsync(areas: ["leadership"], status: FeedbackStatus.Spam);
        await app.CreateSupportNeedAsync(areas: ["leadership"], createdAt: DateTime.UtcNow.AddMonths(-13));

        var jsonText = await GetAsync("/data/support-needs.json", "application/json");
        var csvText = await GetAsync("/data/support-needs.csv", "text/csv");

        Assert.DoesNotContain("secret-need-text", jsonText + csvText);
        var csv = ParseCsv(csvText);
        Assert.Equal(["area", "area_name", "answers", "from", "to"], csv[0].Keys);
        Assert.Equal(["introductions", "business", "management", "publishing", "analysis", "leadership"], csv.Select(r => r["area"]));
        Assert.Equal(("2", "1", "0"), (csv.Single(r => r["area"] == "leadership")["answers"], csv.Single(r => r["area"] == "publishing")["answers"], csv.Single(r => r["area"] == "analysis")["answers"]));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal((today.AddMonths(-12).ToString("yyyy-MM-dd"), today.ToString("yyyy-MM-dd")), (csv[0]["from"], csv[0]["to"]));
        var json = JsonDocument.Parse(jsonText).RootElement;
        Assert.Equal((3, 1), (json.GetProperty("answered").GetInt32(), json.GetProperty("no_area").GetInt32()));
        var leadership = json.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("area").GetString() == "leadership");
        Assert.Equal(2, leadership.GetProperty("answers").GetInt32());
        Assert.False(string.IsNullOrEmpty(leadership.GetProperty("area_name").GetString()));
    }

    [Fact]
    public async Task DataPage_LinksEveryDownloadAndStatesTheLicence()
    {
        var doc = await app.GetDocumentAsync("/data");

        foreach (var file in new[] { "personas.json", "personas.csv", "skills.json", "skills.csv", "tools.json", "tools.csv", "feedback-counts.json", "feedback-counts.csv", "tool-helpfulness.json", "tool-helpfulness.csv", "support-needs.json", "support-needs.csv" })
        {
            Assert.NotNull(doc.QuerySelector($"a[href='/data/{file}']"));
        }

        Assert.NotNull(doc.QuerySelector("a[href='https://creativecommons.org/licenses/by/4.0/']"));
        Assert.NotNull(doc.QuerySelector("a[href='/api/v1/openapi.json']"));
        Assert.NotNull(doc.QuerySelector("a[href='/tools/feed.atom']"));
        Assert.Contains("Last changed", doc.QuerySelector(".govuk-summary-list")!.TextContent);
    }

    [Fact]
    public async Task Personas_SayWhichPartsAreTheOdisAndWhichOurs_InJsonAndCsv()
    {
        using var json = JsonDocument.Parse(await GetAsync("/data/personas.json", "application/json"));
        var csv = ParseCsv(await GetAsync("/data/personas.csv", "text/csv"));

        Assert.Equal(5, json.RootElement.GetArrayLength());
        foreach (var persona in json.RootElement.EnumerateArray())
        {
            Assert.Equal("odi", persona.GetProperty("source").GetString());
            Assert.Equal("catalogue", persona.GetProperty("frustrations_source").GetString());
            Assert.Equal(JsonValueKind.Null, persona.GetProperty("last_reviewed").ValueKind);
            Assert.All(persona.GetProperty("skills").EnumerateArray(), s => Assert.Equal(
                ("odi", "catalogue", "catalogue"),
                (s.GetProperty("source").GetString(), s.GetProperty("level_source").GetString(), s.GetProperty("why_source").GetString())));
            Assert.All(persona.GetProperty("tools").EnumerateArray(), t => Assert.Equal("catalogue", t.GetProperty("source").GetString()));
        }

        Assert.All(csv, row => Assert.Equal(("odi", "catalogue", ""), (row["source"], row["frustrations_source"], row["last_reviewed"])));
    }

    [Fact]
    public async Task Tools_NotKnownLicenceAndNoReview_AreNullInJsonAndEmptyInCsv()
    {
        using var json = JsonDocument.Parse(await GetAsync("/data/tools.json", "application/json"));
        var csv = ParseCsv(await GetAsync("/data/tools.csv", "text/csv"));

        var spectrum = json.RootElement.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "the-data-spectrum");
        Assert.Equal(JsonValueKind.Null, spectrum.GetProperty("open").ValueKind);
        Assert.Equal(JsonValueKind.Null, spectrum.GetProperty("last_reviewed").ValueKind);
        Assert.True(spectrum.GetProperty("added").GetDateTime() > new DateTime(2026, 1, 1), "added is when the catalogue took the tool in, not a typed 2018 date");
        Assert.All(spectrum.GetProperty("personas").EnumerateArray(), p => Assert.Equal("catalogue", p.GetProperty("source").GetString()));
        Assert.Equal("catalogue", spectrum.GetProperty("skills_source").GetString());
        Assert.Equal("catalogue", csv.Single(r => r["slug"] == "the-data-spectrum")["skills_source"]);
        var tableau = json.RootElement.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "tableau-public");
        Assert.False(tableau.GetProperty("open").GetBoolean());
        Assert.Equal(("", ""), (csv.Single(r => r["slug"] == "the-data-spectrum")["open"], csv.Single(r => r["slug"] == "the-data-spectrum")["last_reviewed"]));
        Assert.Equal("false", csv.Single(r => r["slug"] == "tableau-public")["open"]);
        // The twelve seed tools whose licence the facts do not give (other tests in this class add tools of their own).
        string[] notKnown = ["data-ecosystem-mapping-tool", "data-europa-eu-academy", "data-landscape-playbook", "data-skills-framework-2019",
            "ico-dpia-guidance", "lg-inform", "open-data-camp", "open-data-charter", "open-data-handbook", "open-standards-for-data-guidebook",
            "the-data-spectrum", "uk-government-api-catalogue"];
        var seedTools = Directory.GetFiles(Path.Combine(TestPaths.SeedData, "tools"), "*.md").Select(Path.GetFileNameWithoutExtension).ToHashSet();
        Assert.Equal(notKnown, csv.Where(r => r["open"] == "" && seedTools.Contains(r["slug"])).Select(r => r["slug"]).Order());
    }

    [Fact]
    public async Task Feed_SaysEachToolsLicence_IncludingNotKnown_AndCreditsTheOdiOnlyForItsParts()
    {
        // The feed is a page, not a CORS download, so it is read with a plain request.
        using var client = app.CreateClient();
        var atom = System.Xml.Linq.XDocument.Parse(await client.GetStringAsync("/tools/feed.atom", Ct));
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2005/Atom";

        var spectrum = atom.Root!.Elements(ns + "entry").Single(e => e.Element(ns + "id")!.Value.EndsWith("/tools/the-data-spectrum"));
        Assert.Equal("unknown", spectrum.Element(ns + "category")!.Attribute("term")!.Value);
        Assert.Equal("Open source or openly licensed: Not known", spectrum.Element(ns + "category")!.Attribute("label")!.Value);
        var rights = atom.Root.Element(ns + "rights")!.Value;
        Assert.Contains("Open Data Institute", rights);
        Assert.Contains("written for this catalogue", rights);
    }
}
