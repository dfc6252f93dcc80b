using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Tests.Infrastructure;

/// <summary>With DataProtection:CertificatePath set, the keys that sign every cookie are stored encrypted, and still work.</summary>
public class DataProtectionKeysTests(DataProtectionKeysTests.App app) : IClassFixture<DataProtectionKeysTests.App>
{
    public class App : CatalogueAppFactory
    {
        private readonly string _certificate = Path.Combine(Path.GetTempPath(), $"persona-keys-{Guid.NewGuid():N}.pfx");

        public App()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=PersonaCatalogue keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(_certificate, certificate.Export(X509ContentType.Pkcs12, "key-password"));
        }

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = _certificate,
            ["DataProtection:CertificatePassword"] = "key-password",
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            File.Delete(_certificate);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keys_AreEncryptedInTheDatabase_AndCookiesStillWork()
    {
        var (client, _) = await app.SignedInClientAsync(StaffRoles.Moderator);

        using var dashboard = await client.GetAsync("/staff", Ct);

        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        await using var db = app.CreateDbContext();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync(Ct);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml);
            Assert.DoesNotContain("<value>", xml);
        });
    }
}
