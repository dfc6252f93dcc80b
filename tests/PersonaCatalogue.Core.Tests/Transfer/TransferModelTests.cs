using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Transfer;

namespace PersonaCatalogue.Core.Tests.Transfer;

/// <summary>
/// Export and import read the EF model instead of a list of tables. These tests hold them to that with a small model
/// of their own that has what the catalogue may grow into: a hierarchy with a shadow discriminator, a shadow foreign
/// key, a shadow property, an implicit many-to-many join table, and every kind of value the app stores.
/// </summary>
public sealed class TransferModelTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "persona-catalogue-transfer-model", Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void CatalogueModel_EveryTableComesAfterTheTablesItRefersTo()
    {
        using var db = new CatalogueDbContext(new DbContextOptionsBuilder<CatalogueDbContext>().UseSqlite("Data Source=:memory:").Options);

        var order = TransferTables.For(db).InDependencyOrder.Select(t => t.Name).ToList();

        Assert.Equal(db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(), order.Order());
        foreach (var foreignKey in db.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()))
        {
            var dependent = order.IndexOf(foreignKey.DeclaringEntityType.GetTableName()!);
            var principal = order.IndexOf(foreignKey.PrincipalEntityType.GetTableName()!);
            Assert.True(principal < dependent, $"{foreignKey.PrincipalEntityType.GetTableName()} must come before {foreignKey.DeclaringEntityType.GetTableName()}");
        }
    }

    [Fact]
    public async Task AnyModel_RoundTripsEveryRowAndValue()
    {
        var (source, target) = (await CreateAsync("source.db"), await CreateAsync("target.db"));
        var red = new Label { Code = "red" };
        var big = new Label { Code = "big" };
        var gadget = new Gadget
        {
            Serial = Guid.NewGuid(),
            Firmware = [0, 1, 2, 250, 255],
            SeenAt = new DateTimeOffset(2026, 2, 3, 4, 5, 6, 789, TimeSpan.Zero),
            MadeOn = new DateOnly(2025, 12, 31),
            UpdatedAt = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc).AddTicks(9),
            Finish = Finish.Matt,
            Price = 12.34m,
            Tags = ["ünïcode — “quoted”", "line\nbreak"],
            Labels = [red, big],
        };
        var plain = new Gadget { Serial = Guid.NewGuid(), Firmware = [], MadeOn = new DateOnly(2020, 1, 1), Labels = [big] };
        source.AddRange(gadget, plain);
        source.Entry(gadget).Property("Notes").CurrentValue = "kept in a shadow property";
        await source.SaveChangesAsync(Ct);
        var cat = new Cat { Name = "Tibbles", Lives = 9 };
        var dog = new Dog { Name = "Rex", GoodBoy = true };
        source.AddRange(cat, dog);
        source.Entry(cat).Property("GadgetId").CurrentValue = gadget.Id;
        await source.SaveChangesAsync(Ct);
        var file = Path.Combine(_folder, "export.json");

        await DatabaseExport.WriteAsync(source, file, new ExportOptions(), TextWriter.Null, Ct);
        var summary = await DatabaseImport.ImportAsync(target, file, TextWriter.Null, Ct);

        Assert.Equal(2 + 2 + 3 + 2, summary.Rows);
        var copy = await target.Gadgets.Include(g => g.Labels).SingleAsync(g => g.Id == gadget.Id, Ct);
        Assert.Equal(gadget.Serial, copy.Serial);
        Assert.Equal(gadget.Firmware, copy.Firmware);
        Assert.Equal(gadget.SeenAt, copy.SeenAt);
        Assert.Equal(gadget.MadeOn, copy.MadeOn);
        Assert.Equal(gadget.UpdatedAt, copy.UpdatedAt);
        Assert.Equal(Finish.Matt, copy.Finish);
        Assert.Equal(12.34m, copy.Price);
        Assert.Equal(gadget.Tags, copy.Tags);
        Assert.Equal(["big", "red"], copy.Labels.Select(l => l.Code).Order());
        Assert.Equal("kept in a shadow property", target.Entry(copy).Property("Notes").CurrentValue);
        var plainCopy = await target.Gadgets.Include(g => g.Labels).SingleAsync(g => g.Id == plain.Id, Ct);
        Assert.Null(plainCopy.SeenAt);
        Assert.Null(plainCopy.Finish);
        Assert.Equal(["big"], plainCopy.Labels.Select(l => l.Code));

        var animals = await target.Animals.OrderBy(a => a.Id).ToListAsync(Ct);
        Assert.Equal(9, Assert.IsType<Cat>(animals[0]).Lives);
        Assert.True(Assert.IsType<Dog>(animals[1]).GoodBoy);
        Assert.Equal(gadget.Id, target.Entry(animals[0]).Property("GadgetId").CurrentValue);
        Assert.Null(target.Entry(animals[1]).Property("GadgetId").CurrentValue);

        // New rows still get fresh keys after rows arrived with their own.
        target.Add(new Dog { Name = "Fido" });
        await target.SaveChangesAsync(Ct);
        Assert.Equal(3, await target.Animals.CountAsync(Ct));
    }

    [Fact]
    public async Task Export_WritesTablesInDependencyOrder_WithTheDiscriminatorAndShadowProperties()
    {
        var source = await CreateAsync("source.db");
        var cat = new Cat { Name = "Tibbles", Lives = 9 };
        source.Add(cat);
        await source.SaveChangesAsync(Ct);
        var file = Path.Combine(_folder, "export.json");
        var progress = new StringWriter();

        await DatabaseExport.WriteAsync(source, file, new ExportOptions(), progress, Ct);

        var document = JsonNode.Parse(File.ReadAllText(file))!;
        Assert.Equal(TransferFormat.Version, (int)document["formatVersion"]!);
        var tables = document["tables"]!.AsArray().Select(t => (string)t!["table"]!).ToList();
        Assert.True(tables.IndexOf("Gadgets") < tables.IndexOf("Animals"));
        Assert.True(tables.IndexOf("Labels") < tables.IndexOf("GadgetLabel"));
        var row = document["tables"]!.AsArray().Single(t => (string)t!["table"]! == "Animals")!["rows"]![0]!;
        Assert.Equal("cat", (string)row["Species"]!);
        Assert.Equal(9, (int)row["Lives"]!);
        Assert.True(row.AsObject().ContainsKey("GadgetId"));
        Assert.False(row.AsObject().ContainsKey("GoodBoy"));
        Assert.Matches(@"Animals\s+1 rows", progress.ToString());
    }

    [Fact]
    public async Task Export_ReadsOneSnapshot_SoRowsWrittenMeanwhileCannotArriveWithoutWhatTheyReferTo()
    {
        var source = await CreateAsync("source.db");
        await source.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", Ct);
        source.Add(new Cat { Name = "Tibbles", Lives = 9 });
        await source.SaveChangesAsync(Ct);
        var elsewhere = await CreateAsync("source.db");
        // Gadgets are exported before Animals: once the Gadgets line is printed, another connection adds a gadget
        // and a cat that refers to it. Seen without a snapshot, the cat would arrive without its gadget.
        var progress = new CallbackWriter(line =>
        {
            if (line.TrimStart().StartsWith("Gadgets", StringComparison.Ordinal))
            {
                var gadget = new Gadget { Serial = Guid.NewGuid() };
                elsewhere.Add(gadget);
                elsewhere.SaveChanges();
                var cat = new Cat { Name = "Late", Lives = 1 };
                elsewhere.Add(cat);
                elsewhere.Entry(cat).Property("GadgetId").CurrentValue = gadget.Id;
                elsewhere.SaveChanges();
            }
        });
        var file = Path.Combine(_folder, "export.json");

        await DatabaseExport.WriteAsync(source, file, new ExportOptions(), progress, Ct);

        Assert.Equal(2, await elsewhere.Animals.CountAsync(Ct));
        Assert.Matches(@"Gadgets\s+0 rows", progress.Text);
        Assert.Matches(@"Animals\s+1 rows", progress.Text);
        var target = await CreateAsync("target.db");
        Assert.Equal(1, (await DatabaseImport.ImportAsync(target, file, TextWriter.Null, Ct)).Rows);
    }

    [Theory]
    [InlineData("unknown field", "has field(s) Colour")]
    [InlineData("missing field", "has no 'Lives'")]
    [InlineData("unknown kind", "'parrot' is not a kind of Animal")]
    [InlineData("bad value", "'Lives' has \"nine\" which is not a Int32")]
    [InlineData("null for a required value", "'Name' cannot be empty")]
    public async Task Import_ARowThatDoesNotFitTheModel_IsRefusedAndWritesNothing(string change, string message)
    {
        var source = await CreateAsync("source.db");
        source.AddRange(new Gadget { Serial = Guid.NewGuid(), Firmware = [1] }, new Cat { Name = "Tibbles", Lives = 9 });
        await source.SaveChangesAsync(Ct);
        var file = Path.Combine(_folder, "export.json");
        await DatabaseExport.WriteAsync(source, file, new ExportOptions(), TextWriter.Null, Ct);
        var document = JsonNode.Parse(File.ReadAllText(file))!;
        var cat = document["tables"]!.AsArray().Single(t => (string)t!["table"]! == "Animals")!["rows"]![0]!.AsObject();
        _ = change switch
        {
            "unknown field" => cat["Colour"] = "ginger",
            "missing field" => cat.Remove("Lives") ? null : throw new InvalidOperationException(),
            "unknown kind" => cat["Species"] = "parrot",
            "bad value" => cat["Lives"] = "nine",
            _ => cat["Name"] = null,
        };
        File.WriteAllText(file, document.ToJsonString());
        var target = await CreateAsync("target.db");

        var error = await Assert.ThrowsAsync<TransferException>(() => DatabaseImport.ImportAsync(target, file, TextWriter.Null, Ct));

        Assert.Contains("Table Animals, row 1", error.Message);
        Assert.Contains(message, error.Message);
        Assert.Equal(0, await target.Gadgets.CountAsync(Ct));
    }

    private async Task<ScratchContext> CreateAsync(string name)
    {
        Directory.CreateDirectory(_folder);
        var db = new ScratchContext(new DbContextOptionsBuilder<ScratchContext>().UseSqlite($"Data Source={Path.Combine(_folder, name)}").Options);
        await db.Database.EnsureCreatedAsync(Ct);
        _contexts.Add(db);
        return db;
    }

    private readonly List<ScratchContext> _contexts = [];

    public void Dispose()
    {
        _contexts.ForEach(c => c.Dispose());
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>Runs a callback on each line written, to act between the tables of an export.</summary>
    private sealed class CallbackWriter(Action<string> onLine) : StringWriter
    {
        public string Text => ToString();

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            onLine(value ?? "");
        }
    }

    private sealed class ScratchContext(DbContextOptions<ScratchContext> options) : DbContext(options)
    {
        public DbSet<Gadget> Gadgets => Set<Gadget>();
        public DbSet<Animal> Animals => Set<Animal>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Gadget>(gadget =>
            {
                gadget.Property<string>("Notes");
                gadget.Property(g => g.Finish).HasConversion<string>();
                gadget.HasMany(g => g.Labels).WithMany(l => l.Gadgets);
            });
            modelBuilder.Entity<Label>().HasKey(l => l.Code);
            modelBuilder.Entity<Animal>(animal =>
            {
                animal.HasDiscriminator<string>("Species").HasValue<Cat>("cat").HasValue<Dog>("dog");
                animal.HasOne<Gadget>().WithMany().HasForeignKey("GadgetId");
            });
            modelBuilder.Entity<Cat>();
            modelBuilder.Entity<Dog>();
        }
    }

    private sealed class Gadget
    {
        public int Id { get; set; }
        public Guid Serial { get; set; }
        public byte[] Firmware { get; set; } = [];
        public DateTimeOffset? SeenAt { get; set; }
        public DateOnly MadeOn { get; set; }
        public DateTime UpdatedAt { get; set; }
        public Finish? Finish { get; set; }
        public decimal Price { get; set; }
        public List<string> Tags { get; set; } = [];
        public List<Label> Labels { get; set; } = [];
    }

    private sealed class Label
    {
        public required string Code { get; set; }
        public List<Gadget> Gadgets { get; set; } = [];
    }

    private abstract class Animal
    {
        public int Id { get; set; }
        public required string Name { get; set; }
    }

    private sealed class Cat : Animal
    {
        public int Lives { get; set; }
    }

    private sealed class Dog : Animal
    {
        public bool GoodBoy { get; set; }
    }

    private enum Finish
    {
        Gloss,
        Matt,
    }
}
