using Microsoft.Extensions.DependencyInjection;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

public class FrequentTrimAppFactory : CatalogueAppFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Runtime:TrimNativeMemorySeconds"] = "0.2" };
}

/// <summary>The site hands freed native memory back every few seconds on Linux, and keeps serving pages meanwhile.</summary>
public class NativeMemoryTrimmerTests(FrequentTrimAppFactory app) : IClassFixture<FrequentTrimAppFactory>
{
    [Fact]
    public async Task OnLinux_TrimsOnItsIntervalWhileTheSiteServesPages()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "malloc_trim is glibc's, on Linux only");
        using var client = app.CreateBrowserLikeClient();
        var trimmer = app.Services.GetRequiredService<PersonaCatalogue.Web.Infrastructure.NativeMemoryTrimmer>();

        for (var attempt = 0; attempt < 50 && trimmer.Trims < 3; attempt++)
        {
            Assert.True((await client.GetAsync("/tools", TestContext.Current.CancellationToken)).IsSuccessStatusCode);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(trimmer.Trims >= 3, $"trimmed {trimmer.Trims} times in 5 s at a 0.2 s interval");
    }
}
