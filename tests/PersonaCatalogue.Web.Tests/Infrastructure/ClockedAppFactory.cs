using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>
/// The app on a clock the test moves (the retention job and the email sender wait on it), starting at the real time so
/// sign-in cookies and the rest behave as usual.
/// </summary>
public class ClockedAppFactory : CatalogueAppFactory
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Waiting for background work without timing anything: try, and try again, up to a generous limit.</summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <param name="condition">What the test waits for.</param>
    /// <param name="what">Named in the failure.</param>
    /// <param name="beforeEachTry">Such as moving the app's clock on, so the background work runs again.</param>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, Action? beforeEachTry = null)
    {
        var giveUpAt = DateTime.UtcNow + Limit;
        while (true)
        {
            beforeEachTry?.Invoke();
            if (await condition())
            {
                return;
            }

            Assert.True(DateTime.UtcNow < giveUpAt, $"Gave up waiting for {what}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
