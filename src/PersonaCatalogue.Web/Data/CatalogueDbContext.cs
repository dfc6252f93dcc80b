using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Web.Data.Entities;

namespace PersonaCatalogue.Web.Data;

public class CatalogueDbContext(DbContextOptions<CatalogueDbContext> options) : DbContext(options)
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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogueDbContext).Assembly);
    }
}
