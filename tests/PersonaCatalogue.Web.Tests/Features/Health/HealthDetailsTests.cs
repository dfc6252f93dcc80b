using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Tests.Infrastructure;

namespace PersonaCatalogue.Web.Tests.Features.Health;

/// <summary>/health tells anyone the status, and only staff and callers on the machine what each dependency said.</summary>
public class HealthDetailsTests(HealthDetailsTests.App app) : IClassFixture<HealthDetailsTests.App>
{
    public class App : CatalogueAppFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ForwardedHeaders:Enabled"] = "true",
        };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> GetHealthAsync(HttpClient client, string from)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-For", from);
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    [Fact]
    public async Task Get_AnonymousRemote_GetsTheStatusOnly()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://catalogue.example.org") });

        var body = await GetHealthAsync(client, "203.0.113.50");

        Assert.Equal("""{"status":"Healthy"}""", body);
    }

    [Fact]
    public async Task Get_Loopback_GetsEachCheck()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://catalogue.example.org") });

        using var json = JsonDocument.Parse(await GetHealthAsync(client, "127.0.0.1"));

        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_StaffRemote_GetsEachCheck()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);

        using var json = JsonDocument.Parse(await GetHealthAsync(client, "203.0.113.51"));

        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}
