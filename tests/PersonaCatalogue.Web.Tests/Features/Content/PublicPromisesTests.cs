using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Content;

/// <summary>A site with a contact address and 18 months' retention, its start-up log kept.</summary>
public class ConfiguredPromisesAppFactory : CatalogueAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Contact:Email"] = "privacy@catalogue.example.org",
        ["Contact:Name"] = "The catalogue team",
        ["Privacy:RetentionMonths"] = "18",
    };
}

/// <summary>A site with nothing configured, as a fresh clone starts; its start-up warnings are kept.</summary>
public class UnconfiguredPromisesAppFactory : CatalogueAppFactory
{
    public List<string> Warnings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.Services.AddSingleton<ILoggerProvider>(new WarningsProvider(Warnings)));
    }

    private sealed class WarningsProvider(List<string> warnings) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning)
            {
                lock (warnings)
                {
                    warnings.Add(formatter(state, exception));
                }
            }
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public void Dispose()
        {
        }
    }
}

/// <summary>What the privacy notice, the accessibility statement, the footer and the suggestion form promise comes from configuration.</summary>
public class ConfiguredPromisesTests(ConfiguredPromisesAppFactory app) : IClassFixture<ConfiguredPromisesAppFactory>
{
    [Fact]
    public async Task Privacy_StatesTheConfiguredRetentionAndContact()
    {
        var doc = await app.GetDocumentAsync("/privacy");

        Assert.Contains("18 months after you send a suggestion or feedback", doc.QuerySelector("#retention")!.TextContent);
        var contact = doc.QuerySelector("#contact a")!;
        Assert.Equal("mailto:privacy@catalogue.example.org", contact.GetAttribute("href"));
        Assert.Equal("The catalogue team (privacy@catalogue.example.org)", contact.TextContent);
        Assert.Contains("still deleted 18 months after you sent it", doc.QuerySelector("#contact")!.TextContent);
    }

    [Theory]
    [InlineData("/accessibility", "#contact a")]
    [InlineData("/", "#footer-contact a")]
    [InlineData("/tools", "#footer-contact a")]
    public async Task ContactAddress_IsShown(string url, string selector)
    {
        var link = (await app.GetDocumentAsync(url)).QuerySelector(selector)!;

        Assert.Equal("mailto:privacy@catalogue.example.org", link.GetAttribute("href"));
    }
}

public class UnconfiguredPromisesTests(UnconfiguredPromisesAppFactory app) : IClassFixture<UnconfiguredPromisesAppFactory>
{
    [Fact]
    public async Task Privacy_StatesTheDefault12Months_AndThatNoContactIsConfigured()
    {
        var doc = await app.GetDocumentAsync("/privacy");

        Assert.Contains("12 months after you send a suggestion or feedback", doc.QuerySelector("#retention")!.TextContent);
        Assert.StartsWith("No contact address has been configured for this site", doc.QuerySelector("#contact")!.TextContent);
        Assert.StartsWith("This site does not send emails", doc.QuerySelector("#decision-emails")!.TextContent);
        Assert.DoesNotContain("mailto:", doc.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task AccessibilityAndFooter_SayNoContactIsConfigured()
    {
        var accessibility = await app.GetDocumentAsync("/accessibility");
        var home = await app.GetDocumentAsync("/");

        Assert.StartsWith("No contact address has been configured for this site", accessibility.QuerySelector("#contact")!.TextContent);
        Assert.Equal("No contact address has been configured for this site.", home.QuerySelector("#footer-contact")!.TextContent);
        Assert.DoesNotContain("mailto:", accessibility.DocumentElement.OuterHtml + home.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task SuggestionForm_WithoutSmtp_PromisesNoEmail_AndPointsToTheStatusLink()
    {
        var form = await app.GetDocumentAsync("/suggest-a-tool");

        Assert.Contains("We do not send emails", form.QuerySelector("#about-you")!.TextContent);
        Assert.Contains("We will not email you our decision", form.QuerySelector("#SuggesterEmail-hint")!.TextContent);
        Assert.DoesNotContain("hear about our decision", form.DocumentElement.TextContent);
        Assert.DoesNotContain("tell you what we decided", form.DocumentElement.TextContent);
    }

    [Fact]
    public async Task StartUp_WarnsThatNoContactAddressOrMailServerIsConfigured()
    {
        await app.GetDocumentAsync("/");

        lock (app.Warnings)
        {
            Assert.Contains(app.Warnings, w => w.StartsWith("Contact:Email is not set", StringComparison.Ordinal));
            Assert.Contains(app.Warnings, w => w.StartsWith("Email:Smtp:Host is not set", StringComparison.Ordinal));
        }
    }
}
