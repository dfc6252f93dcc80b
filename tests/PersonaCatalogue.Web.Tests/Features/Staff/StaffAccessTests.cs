using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Staff;

/// <summary>
/// Every staff route needs a signed-in user with the right role, and every POST an antiforgery token. The routes come
/// from the app's own endpoint table, not a list kept by hand, so a controller added later is checked too.
/// </summary>
public class StaffAccessTests(CatalogueAppFactory app) : IClassFixture<CatalogueAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The only staff pages anyone may reach: signing in and out.</summary>
    private static readonly string[] _anonymousStaffRoutes =
    [
        "GET /staff/sign-in", "POST /staff/sign-in", "GET /staff/sign-in/code", "POST /staff/sign-in/code",
        "POST /staff/sign-out", "GET /staff/signed-out", "GET /staff/access-denied",
    ];

    /// <summary>At least these are for Administrators only (the walk finds any others from the app's own rules).</summary>
    private static readonly string[] _knownAdministratorRoutes =
    [
        "GET /staff/accounts", "POST /staff/accounts", "POST /staff/accounts/x/disable", "POST /staff/accounts/x/enable",
        "POST /staff/accounts/x/reset-password", "GET /staff/audit",
    ];

    [Fact]
    public void Walk_FindsTheStaffArea()
    {
        var staff = Routes().Where(r => r.IsStaff).Select(r => r.ToString()).ToList();

        Assert.Superset(_anonymousStaffRoutes.Concat(_knownAdministratorRoutes).ToHashSet(), staff.ToHashSet());
        Assert.Contains("GET /staff", staff);
        Assert.Contains("POST /staff/suggestions/1/reject", staff);
        Assert.Contains("GET /staff/account", staff);
    }

    [Fact]
    public void EveryStaffRoute_ButSigningInAndOut_NeedsSignedInStaff()
    {
        var open = Routes().Where(r => r.IsStaff && r.AllowsAnonymous).Select(r => r.ToString()).Order().ToList();

        Assert.Equal(_anonymousStaffRoutes.Order(), open);
    }

    [Fact]
    public async Task EveryStaffGet_Anonymous_RedirectsToSignInWithReturnUrl()
    {
        using var client = app.CreateBrowserLikeClient();
        foreach (var route in Routes().Where(r => r.IsStaff && !r.AllowsAnonymous && r.Method == "GET"))
        {
            using var response = await client.GetAsync(route.Url, Ct);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route}: {(int)response.StatusCode}");
            Assert.Equal("/staff/sign-in", response.Headers.Location!.AbsolutePath);
            Assert.Contains("returnUrl=" + Uri.EscapeDataString(route.Url), response.Headers.Location.Query);
        }
    }

    [Fact]
    public async Task EveryStaffPost_AnonymousWithValidToken_RedirectsToSignIn_AndChangesNothing()
    {
        using var client = app.CreateBrowserLikeClient();
        await using var db = app.CreateDbContext();
        var auditedBefore = await db.AuditEvents.CountAsync(Ct);
        var token = await client.GetAntiforgeryTokenAsync("/staff/sign-in");
        foreach (var route in Routes().Where(r => r.IsStaff && !r.AllowsAnonymous && r.Method == "POST"))
        {
            using var response = await FormPost.PostAsync(client, route.Url, [new("Reason", "spam")], token, Ct);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route}: {(int)response.StatusCode}");
            Assert.Equal("/staff/sign-in", response.Headers.Location!.AbsolutePath);
        }

        Assert.Equal(auditedBefore, await db.AuditEvents.CountAsync(Ct));
    }

    [Fact]
    public async Task EveryAdministratorRoute_Moderator_IsForbidden_AndChangesNothing()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);
        var otherEmail = await app.CreateStaffAsync(StaffRoles.Moderator);
        var other = (await app.FindStaffAsync(otherEmail))!.Id;
        await using var db = app.CreateDbContext();
        var auditedBefore = await db.AuditEvents.CountAsync(Ct);
        var token = await client.GetAntiforgeryTokenAsync("/staff");
        var administratorRoutes = Routes().Where(r => r.IsStaff && r.IsAdministratorOnly).ToList();
        Assert.Superset(_knownAdministratorRoutes.ToHashSet(), administratorRoutes.Select(r => r.ToString()).ToHashSet());

        foreach (var route in administratorRoutes)
        {
            var url = route.Url.Replace("/accounts/x/", $"/accounts/{other}/");
            using var response = route.Method == "GET"
                ? await client.GetAsync(url, Ct)
                : await FormPost.PostAsync(client, url, [new("Email", TestData.Unique("x") + "@example.org"), new("Role", StaffRoles.Administrator)], token, Ct);

            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{route}: {(int)response.StatusCode}");
            Assert.Equal("/staff/access-denied", response.Headers.Location!.AbsolutePath);
        }

        Assert.Equal(auditedBefore, await db.AuditEvents.CountAsync(Ct));
        Assert.False((await app.FindStaffAsync(otherEmail))!.IsDisabled);
    }

    [Fact]
    public async Task AdministratorPage_Moderator_SeesAccessDenied()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);

        using var response = await client.GetAsync("/staff/accounts", Ct);
        using var denied = await client.GetAsync(response.Headers.Location, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("You do not have access to this page", (await CatalogueAppFactory.ParseAsync(denied)).QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task EveryPost_SignedInWithoutAntiforgeryToken_IsRefused()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Administrator);
        var suggestion = await app.CreateSuggestionAsync();
        await using var db = app.CreateDbContext();
        var auditedBefore = await db.AuditEvents.CountAsync(Ct);
        var posts = Routes().Where(r => r.Method == "POST").ToList();
        Assert.Contains(posts, r => !r.IsStaff);

        foreach (var route in posts)
        {
            using var response = await FormPost.PostAsync(client, route.Url.Replace("/suggestions/1/", $"/suggestions/{suggestion.Id}/"),
                [new("Reason", "Not relevant"), new("Version", suggestion.Version.ToString())], token: null, Ct);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{route}: {(int)response.StatusCode}");
        }

        Assert.Equal(auditedBefore, await db.AuditEvents.CountAsync(Ct));
        Assert.Equal(SuggestionStatus.Submitted, (await db.ToolSuggestions.AsNoTracking().SingleAsync(s => s.Id == suggestion.Id, Ct)).Status);
    }

    [Fact]
    public async Task EveryStaffGetWithoutParameters_Administrator_IsServed()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Administrator);
        foreach (var route in Routes().Where(r => r.IsStaff && r.Method == "GET" && !r.HasParameters && r.Url != "/staff/sign-in/code"))
        {
            using var response = await client.GetAsync(route.Url, Ct);

            // The authenticator set-up page sends an account that already has one back to the account page.
            var ok = response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Forbidden
                || (route.Url == "/staff/account/two-factor" && response.Headers.Location?.OriginalString == "/staff/account");
            Assert.True(ok, $"{route}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task Register_DoesNotExist()
    {
        using var client = app.CreateBrowserLikeClient();
        foreach (var url in new[] { "/staff/register", "/Identity/Account/Register", "/account/register" })
        {
            using var response = await client.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    private List<EndpointRoute> Routes() => EndpointRoute.All(app.Services);
}

/// <summary>One method and route of the app's real endpoint table, with a URL that matches it.</summary>
public sealed record EndpointRoute(string Method, string Url, bool HasParameters, bool AllowsAnonymous, bool IsAdministratorOnly)
{
    public bool IsStaff => Url == "/staff" || Url.StartsWith("/staff/", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Url}";

    /// <summary>
    /// Every endpoint that names its methods (the error pages and /health answer any method and are left out), with
    /// route parameters filled: 1 for an int, the first choice of a regex like <c>(json|csv)</c>, x otherwise.
    /// </summary>
    public static List<EndpointRoute> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(method => method is "GET" or "POST")
                .Select(method => new EndpointRoute(
                    method,
                    UrlFor(endpoint.RoutePattern),
                    endpoint.RoutePattern.Parameters.Count > 0,
                    endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                    AdministratorsOnly(endpoint))))
            .Distinct()];

    private static bool AdministratorsOnly(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Any(data => data.Roles?.Split(',').Select(r => r.Trim()).SequenceEqual([StaffRoles.Administrator]) == true);

    private static string UrlFor(RoutePattern pattern) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => ValueFor(parameter),
            _ => "",
        }))));

    private static string ValueFor(RoutePatternParameterPart parameter)
    {
        foreach (var constraint in parameter.ParameterPolicies.Select(p => p.Content ?? ""))
        {
            if (constraint == "int")
            {
                return "1";
            }

            if (constraint.StartsWith("regex(", StringComparison.Ordinal))
            {
                return constraint.Split('(', '|', ')').First(s => s.Length > 0 && s != "regex" && s != "^" && s != "$").Trim('^', '$');
            }
        }

        return "x";
    }
}
