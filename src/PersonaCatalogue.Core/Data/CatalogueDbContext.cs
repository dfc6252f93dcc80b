using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Data;

/// <summary>
/// The catalogue, staff accounts (ASP.NET Core Identity) and Data Protection keys in one database, so a cookie or
/// antiforgery token stays valid across restarts and instances. This is the SQLite model and its migrations;
/// <see cref="PostgresCatalogueDbContext"/> adapts it to PostgreSQL.
/// </summary>
public class CatalogueDbContext : IdentityDbContext<StaffUser>, IDataProtectionKeyContext
{
    public CatalogueDbContext(DbContextOptions<CatalogueDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's subclass, whose options are typed for itself.</summary>
    protected CatalogueDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<SkillArea> SkillAreas => Set<SkillArea>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<SkillLevel> SkillLevels => Set<SkillLevel>();
    public DbSet<Persona> Personas => Set<Persona>();
    public DbSet<PersonaIteration> PersonaIterations => Set<PersonaIteration>();
    public DbSet<PersonaSkill> PersonaSkills => Set<PersonaSkill>();
    public DbSet<Tool> Tools => Set<Tool>();
    public DbSet<ToolSkill> ToolSkills => Set<ToolSkill>();
    public DbSet<PersonaTool> PersonaTools => Set<PersonaTool>();
    public DbSet<ToolSuggestion> ToolSuggestions => Set<ToolSuggestion>();

    /// <summary>Every kind of feedback, for the triage that they share.</summary>
    public DbSet<FeedbackItem> Feedback => Set<FeedbackItem>();
    public DbSet<PersonaFeedback> PersonaFeedback => Set<PersonaFeedback>();
    public DbSet<ToolFeedback> ToolFeedback => Set<ToolFeedback>();
    public DbSet<MissingPersonaFeedback> MissingPersonaFeedback => Set<MissingPersonaFeedback>();
    public DbSet<SupportNeedFeedback> SupportNeedFeedback => Set<SupportNeedFeedback>();
    public DbSet<SupportNeedArea> SupportNeedAreas => Set<SupportNeedArea>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Every timestamp is stored as UTC. On SQLite they are kept, and read back, as PostgreSQL's
    /// <c>timestamp with time zone</c> keeps them: to the microsecond, and as UTC (SQLite keeps no kind). The same
    /// row then reads, and serialises (with its "Z"), the same on both, and moving a site between them loses nothing.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcMicrosecondsConverter>();
        }
    }

    // Internal, not private: the compiled model (Data/CompiledModels) constructs it.
    internal sealed class UtcMicrosecondsConverter() : ValueConverter<DateTime, DateTime>(
        value => new DateTime(value.Ticks - (value.Ticks % TimeSpan.TicksPerMicrosecond), value.Kind),
        value => new DateTime(value.Ticks - (value.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogueDbContext).Assembly);
    }
}
