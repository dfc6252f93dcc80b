using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Staff;
using PersonaCatalogue.Web.Features.Staff.Accounts;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>Builders for test data with generated defaults, so each test names only what it cares about.</summary>
public static class TestData
{
    public const string StaffPassword = "correct-horse-battery-9";

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<ToolSuggestion> CreateSuggestionAsync(
        this CatalogueAppFactory app, string? toolName = null, string? url = null, DateTime? createdAt = null,
        List<string>? personas = null, List<string>? skills = null, string? whatItDoes = null)
    {
        await using var db = app.CreateDbContext();
        var name = toolName ?? Unique("Tool");
        var address = url ?? $"https://{name.ToLowerInvariant().Replace(' ', '-')}.example.org/";
        var suggestion = new ToolSuggestion
        {
            Reference = "TS-" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant(),
            StatusToken = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
            ToolName = name,
            Url = address,
            NormalisedUrl = UrlNormaliser.Normalise(address),
            WhatItDoes = whatItDoes ?? "Helps teams publish tidy spreadsheets as open data.",
            PersonaSlugs = personas ?? ["sara"],
            SkillSlugs = skills ?? ["designing-services"],
            Cost = ToolCost.Free,
            CreatedAt = createdAt ?? DateTime.UtcNow,
        };
        db.ToolSuggestions.Add(suggestion);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return suggestion;
    }

    public static async Task<string> CreateStaffAsync(this CatalogueAppFactory app, string role)
    {
        using var scope = app.Services.CreateScope();
        var email = Unique(role.ToLowerInvariant()) + "@example.org";
        var (user, _, errors) = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().AddAsync(email, role, StaffPassword);
        Assert.True(user is not null, string.Join("; ", errors));
        return email;
    }

    /// <summary>
    /// A client signed in through the real sign-in form as a new staff member with the role. Administrators must use an
    /// authenticator app, so theirs is set up first and they sign in with a code computed from its key.
    /// </summary>
    public static async Task<(HttpClient Client, string Email)> SignedInClientAsync(this CatalogueAppFactory app, string role)
    {
        var email = await app.CreateStaffAsync(role);
        var key = role == StaffRoles.Administrator ? await app.EnableAuthenticatorAsync(email) : null;
        var client = app.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/staff/sign-in", [new("Email", email), new("Password", StaffPassword)]);
        if (key is not null)
        {
            Assert.Equal("/staff/sign-in/code", response.Headers.Location?.OriginalString);
            response.Dispose();
            response = await client.PostFormAsync("/staff/sign-in/code", [new("Code", Totp.Code(key))]);
        }

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location?.OriginalString);
        response.Dispose();
        return (client, email);
    }

    /// <summary>Gives the account an authenticator app, as its set-up page would; returns the app's key.</summary>
    public static async Task<string> EnableAuthenticatorAsync(this CatalogueAppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    public static async Task<StaffUser?> FindStaffAsync(this CatalogueAppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email);
    }

    /// <summary>A persona of its own (iteration 1, with its iteration row), so a test's feedback counts see no other test's feedback.</summary>
    public static async Task<Persona> CreatePersonaAsync(this CatalogueAppFactory app, string? name = null)
    {
        await using var db = app.CreateDbContext();
        var slug = Unique("persona");
        var persona = new Persona
        {
            Slug = slug,
            Name = name ?? "Robin " + slug[^8..],
            Role = "Service designer in a test council",
            Summary = "Designs services and wants to use open data.",
            Description = "Robin is a persona made for one test.",
            Goals = ["Design better services"],
            NeedsToKnow = ["Where the data is"],
            Iteration = 1,
            LastReviewedOn = new DateOnly(2026, 1, 15),
            Order = 1000,
            Iterations = [new PersonaIteration { Number = 1, PublishedOn = new DateOnly(2026, 1, 15), ChangeNotes = "First published." }],
        };
        db.Personas.Add(persona);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return persona;
    }

    /// <summary>Feedback stored directly, as if given on the persona's current iteration unless <paramref name="iteration"/> says otherwise.</summary>
    public static async Task<PersonaFeedback> CreatePersonaFeedbackAsync(
        this CatalogueAppFactory app, Persona persona, Usefulness usefulness = Usefulness.VeryUseful, RightPeople rightPeople = RightPeople.Yes,
        string? missingOrWrong = "It needs more about procurement.", string? howWouldYouUseIt = null, bool consent = false, bool published = false,
        string? email = null, FeedbackStatus status = FeedbackStatus.New, int? iteration = null, GiverRole? role = null, DateTime? createdAt = null)
    {
        await using var db = app.CreateDbContext();
        var feedback = new PersonaFeedback
        {
            PersonaId = persona.Id,
            Iteration = iteration ?? persona.Iteration,
            Usefulness = usefulness,
            RightPeople = rightPeople,
            MissingOrWrong = missingOrWrong,
            HowWouldYouUseIt = howWouldYouUseIt,
            ConsentToPublish = consent,
            CommentPublished = published,
            Email = email,
            Status = status,
            GiverRole = role,
            CreatedAt = createdAt ?? DateTime.UtcNow,
        };
        db.PersonaFeedback.Add(feedback);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return feedback;
    }

    /// <summary>A published tool of its own, so a test's counts see no other test's answers. <paramref name="name"/> is also searchable.</summary>
    public static async Task<Tool> CreateToolAsync(this CatalogueAppFactory app, string? name = null, ToolStatus status = ToolStatus.Published)
    {
        await using var db = app.CreateDbContext();
        var slug = Unique("tool");
        var tool = new Tool
        {
            Slug = slug,
            Name = name ?? "Test tool " + slug[^8..],
            Url = $"https://{slug}.example.org/",
            NormalisedUrl = $"{slug}.example.org",
            Summary = "A tool made for one test.",
            Description = "It helps a test.",
            Kind = ToolKind.Software,
            Cost = ToolCost.Free,
            Status = status,
            AddedAt = DateTime.UtcNow,
            LastReviewedAt = DateTime.UtcNow,
        };
        db.Tools.Add(tool);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return tool;
    }

    /// <summary>
    /// Another process's change to a tool (another instance, a script): straight to the database, so nothing in this
    /// app hears of it but the audit event the change leaves, as every staff change does.
    /// </summary>
    public static async Task AppendToToolSummaryFromAnotherProcessAsync(this CatalogueAppFactory app, string slug, string text)
    {
        await using var db = app.CreateDbContext();
        await db.Database.ExecuteSqlAsync($"UPDATE \"Tools\" SET \"Summary\" = \"Summary\" || ' ' || {text} WHERE \"Slug\" = {slug}", TestContext.Current.CancellationToken);
        db.AuditEvents.Add(new AuditEvent
        {
            At = DateTime.UtcNow,
            UserId = "",
            UserEmail = "other@example.org",
            Action = "tool.edited",
            TargetType = "tool",
            TargetKey = slug,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<ToolFeedback> CreateToolFeedbackAsync(
        this CatalogueAppFactory app, Tool tool, bool helped = true, string? whatItHelpedWith = "Finding open data about schools.",
        FeedbackStatus status = FeedbackStatus.New, DateTime? createdAt = null)
    {
        await using var db = app.CreateDbContext();
        var feedback = new ToolFeedback
        {
            ToolId = tool.Id,
            Helped = helped,
            WhatItHelpedWith = whatItHelpedWith,
            Status = status,
            CreatedAt = createdAt ?? DateTime.UtcNow,
        };
        db.ToolFeedback.Add(feedback);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return feedback;
    }

    public static async Task<MissingPersonaFeedback> CreateMissingPersonaAsync(
        this CatalogueAppFactory app, string? missingRole = null, string whatTheyDo = "Buys services for the council.",
        string whatTheyNeedToKnow = "How to read spending data.", string? email = null, GiverRole? role = null,
        FeedbackStatus status = FeedbackStatus.New, DateTime? createdAt = null)
    {
        await using var db = app.CreateDbContext();
        var feedback = new MissingPersonaFeedback
        {
            MissingRole = missingRole ?? Unique("Procurement officer"),
            WhatTheyDo = whatTheyDo,
            WhatTheyNeedToKnow = whatTheyNeedToKnow,
            Email = email,
            GiverRole = role,
            Status = status,
            CreatedAt = createdAt ?? DateTime.UtcNow,
        };
        db.MissingPersonaFeedback.Add(feedback);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return feedback;
    }

    /// <summary>A support need naming the skill areas with the given slugs (from the seed framework).</summary>
    public static async Task<SupportNeedFeedback> CreateSupportNeedAsync(
        this CatalogueAppFactory app, string? supportNeeded = null, IEnumerable<string>? areas = null, string? email = null,
        FeedbackStatus status = FeedbackStatus.New, DateTime? createdAt = null)
    {
        await using var db = app.CreateDbContext();
        var slugs = (areas ?? []).ToList();
        var areaIds = db.SkillAreas.Where(a => slugs.Contains(a.Slug)).Select(a => a.Id).ToList();
        Assert.Equal(slugs.Count, areaIds.Count);
        var feedback = new SupportNeedFeedback
        {
            SupportNeeded = supportNeeded ?? Unique("Help reading spending data"),
            Areas = areaIds.Select(id => new SupportNeedArea { SkillAreaId = id }).ToList(),
            Email = email,
            Status = status,
            CreatedAt = createdAt ?? DateTime.UtcNow,
        };
        db.SupportNeedFeedback.Add(feedback);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return feedback;
    }
}
