using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>
/// The real app on Kestrel (https on loopback, a free port) driven by Debian's Chromium through Playwright.
/// Never a downloaded browser. Where no Chromium is found the browser tests skip with the reason,
/// except under CI=true, where they fail: CI must run them.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public CatalogueAppFactory App { get; } = new();

    public IBrowser? Browser { get; private set; }

    public string BaseUrl { get; private set; } = "";

    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : ChromiumPath;
        if (!File.Exists(path))
        {
            SkipReason = $"Browser tests need Debian's Chromium at {path} (apt-get install -y chromium).";
            if (IsCi)
            {
                throw new InvalidOperationException(SkipReason + " CI=true, so this is a failure, not a skip.");
            }

            return;
        }

        // https, as in production: the antiforgery and other cookies are Secure outside Development, so forms fail over http.
        App.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(LocalhostCertificate())));
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::1]", "localhost").Replace("127.0.0.1", "localhost").TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // The machine's network is closed: without these Chromium keeps trying to reach Google's services.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A throwaway self-signed certificate for localhost, so the tests need no developer certificate.</summary>
    private static X509Certificate2 LocalhostCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A new page. The site ships no script, so JavaScript makes no difference to it; axe needs it on to run.
    /// Flows that must work without JavaScript ask for it off.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool javaScriptEnabled = true)
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? "");
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            IgnoreHTTPSErrors = true,
            JavaScriptEnabled = javaScriptEnabled,
        });
        // Generous: two browser classes can run at once on a loaded 2-core CI machine.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as a new member of staff in <paramref name="role"/>, on the staff dashboard.</summary>
    public async Task<IPage> SignInAsync(string role, bool javaScriptEnabled = true)
    {
        var email = await App.CreateStaffAsync(role);
        var key = role == StaffRoles.Administrator ? await App.EnableAuthenticatorAsync(email) : null;
        var page = await NewPageAsync(javaScriptEnabled);
        await page.GotoAsync("/staff/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestData.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (key is not null)
        {
            await ArriveAtAsync(page, "**/staff/sign-in/code");
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(Totp.Code(key));
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        }
        await ArriveAtAsync(page, url => url.EndsWith("/staff", StringComparison.Ordinal));
        return page;
    }

    /// <summary>
    /// Waits until a link or a form has taken the page to a URL matching <paramref name="glob"/> (Playwright's glob:
    /// <c>**</c> any characters, <c>*</c> any but <c>/</c>) and its body is there. If it never gets there, the failure
    /// says where the page is and what it shows, so a refused form (its error summary, a 400 or 429 page) explains itself.
    /// </summary>
    public static Task ArriveAtAsync(IPage page, string glob)
    {
        var pattern = new Regex("^" + Regex.Escape(glob).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*").Replace(@"\?", ".") + "$");
        return ExplainTimeoutAsync(page, glob, ArrivalAsync(page, pattern.IsMatch));
    }

    /// <inheritdoc cref="ArriveAtAsync(IPage, string)"/>
    public static Task ArriveAtAsync(IPage page, Func<string, bool> matches) =>
        ExplainTimeoutAsync(page, "a matching URL", ArrivalAsync(page, matches));

    /// <summary>
    /// Watches the page's address rather than calling WaitForURLAsync: when the address already matched,
    /// WaitForURLAsync then waited for the document's DOMContentLoaded, and after a form's redirect it sometimes never
    /// saw that event though the page was shown (a 30 s timeout with the right page on screen, once in a few runs).
    /// </summary>
    private static async Task ArrivalAsync(IPage page, Func<string, bool> matches)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!matches(page.Url))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timeout 30000ms exceeded.");
            }

            await Task.Delay(25);
        }

        await page.Locator("body").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }

    private static async Task ExplainTimeoutAsync(IPage page, string expected, Task arriving)
    {
        try
        {
            await arriving;
        }
        catch (TimeoutException timeout)
        {
            string shown;
            try
            {
                shown = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            }
            catch (Exception unreadable)
            {
                shown = $"(unreadable: {unreadable.Message})";
            }

            throw new TimeoutException($"Expected to arrive at {expected}, but the page is at {page.Url} and shows:\n{shown}", timeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
