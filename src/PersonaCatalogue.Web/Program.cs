using Microsoft.AspNetCore.Mvc;
using PersonaCatalogue.Core;
using PersonaCatalogue.Core.Changes;
using PersonaCatalogue.Core.Import;
using PersonaCatalogue.Web.Features.Health;
using PersonaCatalogue.Web.Features.OpenData;
using PersonaCatalogue.Web.Features.Personas;
using PersonaCatalogue.Web.Features.Shared;
using PersonaCatalogue.Web.Features.Staff;
using PersonaCatalogue.Web.Features.Staff.Accounts;
using PersonaCatalogue.Web.Features.Tools;
using PersonaCatalogue.Web.Infrastructure;
using PersonaCatalogue.Web.Infrastructure.PageCaching;

// Composition only: each piece is an extension method next to what it sets up. The command line is its own program
// (src/PersonaCatalogue.Cli); this one only serves the site.
var builder = WebApplication.CreateBuilder(args);
var configuration = builder.Configuration;
var bodyLimit = configuration.GetValue("RequestBodyLimitBytes", RequestBodyLimit.DefaultBytes);
var cookieSecurity = SiteCookies.SecurityFor(builder.Environment);

builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Limits.MaxRequestBodySize = bodyLimit;
    kestrel.AddServerHeader = false;
});
builder.Services.AddCatalogue(configuration, builder.Environment);
builder.Services.AddSingleton<ICatalogueChangeListener, CataloguePageEviction>();
builder.Services.AddSingleton<ToolSearchSets>();
builder.Services.AddSingleton<ICatalogueChangeListener>(provider => provider.GetRequiredService<ToolSearchSets>());
builder.Services.AddSingleton<PersonaDetails>();
builder.Services.AddSingleton<ICatalogueChangeListener>(provider => provider.GetRequiredService<PersonaDetails>());
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddSingleton<DatabaseOutage>();
builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services
    .AddControllersWithViews(options =>
    {
        options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        options.ModelBinderProviders.Insert(0, new TrimmingStringBinderProvider());
        options.Conventions.Add(new HeadWithGetConvention());
    })
    .AddRazorOptions(FeatureViewLocations.Configure);
builder.Services.AddPageCache(configuration);
builder.Services.AddSafeResponseCompression();
builder.Services.AddSingleton<NativeMemoryTrimmer>();
builder.Services.AddHostedService(services => services.GetRequiredService<NativeMemoryTrimmer>());
var health = builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", timeout: TimeSpan.FromMilliseconds(800));
builder.Services.AddCatalogueRedis(configuration, health);
builder.Services.AddCatalogueRateLimits(configuration);
builder.Services.AddOpenDataCors();
builder.Services.AddReadApiDocument();
builder.Services.AddSiteCookies(cookieSecurity, configuration);
builder.Services.AddStaffIdentity(configuration, cookieSecurity);
builder.Services.AddProxySupport(configuration);
builder.Services.AddPublicPromises(configuration);
builder.Services.AddStrictTransportSecurity();

var app = builder.Build();
app.WarnWhenKeysUnencrypted();
// First, so everything after it (HSTS, Secure cookies, antiforgery, rate limits) sees the client's scheme and address.
app.UseProxySupport();

app.WarnAboutUnkeptPromises();
await app.Services.PrepareDatabaseAsync(app.Configuration, app.Environment, app.Logger);
if (app.Environment.IsDevelopment())
{
    await app.Services.EnsureDemoModeratorAsync(app.Configuration, app.Logger);
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandlingPath = "/error",
        // A database outage is logged once by the error page (DatabaseOutage), not once for every request it refuses.
        SuppressDiagnosticsCallback = context => DatabaseOutage.IsUnavailable(context.Exception),
    });
    app.UseHsts();
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
app.MapOpenApi("/api/{documentName}/openapi.json").AlsoAnswerHead();
app.MapControllers().RequireStaffUnderStaffPath();

await app.RunAsync();

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
