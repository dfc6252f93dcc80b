using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using PersonaCatalogue.Web;
using PersonaCatalogue.Web.Data;
using PersonaCatalogue.Web.Data.Entities;
using PersonaCatalogue.Web.Features.Generate;
using PersonaCatalogue.Web.Features.Health;
using PersonaCatalogue.Web.Features.Import;
using PersonaCatalogue.Web.Features.OpenData;
using PersonaCatalogue.Web.Features.Staff.Accounts;
using PersonaCatalogue.Web.Features.Staff.Suggestions;
using PersonaCatalogue.Web.Features.Staff.Tools;
using PersonaCatalogue.Web.Features.Tools;
using PersonaCatalogue.Web.Infrastructure;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;
var bodyLimit = configuration.GetValue("RequestBodyLimitBytes", RequestBodyLimit.DefaultBytes);
// Cookies are Secure everywhere but on a developer's own machine, where the site runs on plain http.
var cookieSecurity = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;

builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = bodyLimit);
builder.Services.AddCatalogueDatabase(configuration, builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddScoped<SeedImporter>();
builder.Services.AddScoped<CatalogueGenerator>();
builder.Services.AddScoped<StaffAccounts>();
builder.Services.AddScoped<ToolEditor>();
builder.Services.AddScoped<DuplicateFinder>();
builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services
    .AddControllersWithViews(options =>
    {
        options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        options.ModelBinderProviders.Insert(0, new TrimmingStringBinderProvider());
    })
    .AddRazorOptions(FeatureViewLocations.Configure);
builder.Services.AddPageCache(configuration);
builder.Services.AddMemoryCache();
builder.Services.AddSingleton<ToolFilterOptionsCache>();
builder.Services.AddSafeResponseCompression();
builder.Services.AddSingleton<NativeMemoryTrimmer>();
builder.Services.AddHostedService(services => services.GetRequiredService<NativeMemoryTrimmer>());
var health = builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
builder.Services.AddCatalogueRedis(configuration, health);
builder.Services.AddCatalogueRateLimits(configuration);
builder.Services.AddOpenDataCors();
builder.Services.AddOpenApi("v1", options =>
{
    // The document describes the read API only, not the HTML pages.
    options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
    options.AddDocumentTransformer((document, _, _) =>
    {
        document.Info.Title = "Learning personas for public services: read API";
        document.Info.Description = "The catalogue's personas, skills and published tools as JSON, under the Creative Commons Attribution 4.0 licence.";
        return Task.CompletedTask;
    });
});

builder.Services.AddDataProtection()
    .SetApplicationName("PersonaCatalogue")
    .PersistKeysToDbContext<CatalogueDbContext>();
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "antiforgery";
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = cookieSecurity;
});
builder.Services.Configure<CookieTempDataProviderOptions>(options =>
{
    options.Cookie.Name = Flash.CookieName;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = cookieSecurity;
});
builder.Services
    .AddIdentity<StaffUser, IdentityRole>(options =>
    {
        options.User.RequireUniqueEmail = true;
        // Length over composition rules, as the NCSC advises: long passwords, no forced character classes.
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireDigit = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Staff:LockoutAttempts", 5);
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Staff:LockoutMinutes", 15));
    })
    .AddEntityFrameworkStores<CatalogueDbContext>()
    .AddDefaultTokenProviders();
// A disabled account or a reset password signs the person out everywhere within a minute.
builder.Services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));
builder.Services.ConfigureApplicationCookie(options =>
{
    options.Cookie.Name = "staff";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = cookieSecurity;
    options.ExpireTimeSpan = TimeSpan.FromHours(8);
    options.SlidingExpiration = true;
    options.LoginPath = "/staff/sign-in";
    options.LogoutPath = "/staff/sign-out";
    options.AccessDeniedPath = "/staff/access-denied";
    options.ReturnUrlParameter = "returnUrl";
});

if (configuration.GetValue("ForwardedHeaders:Enabled", false))
{
    // Behind a TLS-terminating proxy, so the app sees https (Secure cookies, antiforgery) and the client's address
    // (rate limits). Only switch this on when the proxy is the only way in, as the headers are trusted as sent.
    builder.Services.Configure<ForwardedHeadersOptions>(options =>
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
    });
}

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

await app.Services.PrepareDatabaseAsync(app.Configuration, app.Environment, app.Logger);
if (app.Environment.IsDevelopment())
{
    await app.Services.EnsureDemoModeratorAsync(app.Configuration, app.Logger);
}

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

if (app.Configuration.GetValue("ForwardedHeaders:Enabled", false))
{
    app.UseForwardedHeaders();
}

app.UseResponseCompression();
app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseRequestBodyLimit(bodyLimit);
app.UseStaticFilesWithCaching();
app.UseRouting();
app.UseCors();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.MapHealthChecks("/health", HealthReportWriter.Options);
app.MapOpenApi("/api/{documentName}/openapi.json");
app.MapControllers();

await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
