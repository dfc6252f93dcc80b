using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Data.Entities;

namespace PersonaCatalogue.Web.Data;

/// <summary>
/// The catalogue, staff accounts (ASP.NET Core Identity) and Data Protection keys in one database, so a cookie or
/// antiforgery token stays valid across restarts and instances.
/// </summary>
public class CatalogueDbContext(DbContextOptions<CatalogueDbContext> options)
    : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
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
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogueDbContext).Assembly);
    }
}
