using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Web.Data.Entities;
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
            NormalisedUrl = Web.Data.UrlNormaliser.Normalise(address),
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

    /// <summary>A client signed in through the real sign-in form as a new staff member with the role.</summary>
    public static async Task<(HttpClient Client, string Email)> SignedInClientAsync(this CatalogueAppFactory app, string role)
    {
        var email = await app.CreateStaffAsync(role);
        var client = app.CreateBrowserLikeClient();
        using var response = await client.PostFormAsync("/staff/sign-in", [new("Email", email), new("Password", StaffPassword)]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return (client, email);
    }

    public static async Task<StaffUser?> FindStaffAsync(this CatalogueAppFactory app, string email)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email);
    }
}
