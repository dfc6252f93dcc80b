using PersonaCatalogue.Web;
using PersonaCatalogue.Web.Data;
using PersonaCatalogue.Web.Features.Health;
using PersonaCatalogue.Web.Features.Import;
using PersonaCatalogue.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddCatalogueDatabase(builder.Configuration, builder.Environment);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<MarkdownRenderer>();
builder.Services.AddScoped<SeedImporter>();
builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services
    .AddControllersWithViews()
    .AddRazorOptions(FeatureViewLocations.Configure);
builder.Services.AddHealthChecks().AddDbContextCheck<CatalogueDbContext>("database");

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

await app.Services.PrepareDatabaseAsync(app.Configuration, app.Environment, app.Logger);

if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}

app.UseSecurityHeaders();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseStaticFiles();
app.UseRouting();
app.MapHealthChecks("/health", HealthReportWriter.Options);
app.MapControllers();

await app.RunAsync();
return 0;

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
