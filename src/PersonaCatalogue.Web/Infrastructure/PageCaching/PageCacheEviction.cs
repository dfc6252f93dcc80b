using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PersonaCatalogue.Web.Data.Entities;

namespace PersonaCatalogue.Web.Infrastructure.PageCaching;

/// <summary>
/// Works out from every SaveChanges which cached pages show what changed, and evicts exactly those once the change
/// is committed (at the end of SaveChanges, or when the caller's own transaction commits). Doing it here rather
/// than in each controller means a new way of changing the catalogue cannot forget to evict.
/// Changes made with ExecuteUpdate/ExecuteDelete bypass this: none of those touch what public pages show.
/// </summary>
public sealed class PageCacheEviction(PageCache cache) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Pending
    {
        public HashSet<string> Tags { get; } = [];
        public List<object> Changed { get; } = [];
        public HashSet<string> AwaitingCommit { get; } = [];
    }

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SavedChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || !_pending.TryGetValue(context, out var pending))
        {
            return result;
        }

        await AddToolLinksAsync(context, pending, cancellationToken);
        if (context.Database.CurrentTransaction is null)
        {
            var tags = pending.Tags.ToList();
            _pending.Remove(context);
            await cache.EvictAsync(tags, cancellationToken);
        }
        else
        {
            // Evicting before the caller commits would let a request cache the old page again.
            pending.AwaitingCommit.UnionWith(pending.Tags);
            pending.Tags.Clear();
            pending.Changed.Clear();
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending) && pending.AwaitingCommit.Count > 0)
        {
            var tags = pending.AwaitingCommit.ToList();
            pending.AwaitingCommit.Clear();
            await cache.EvictAsync(tags, cancellationToken);
        }
    }

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var pending = _pending.GetOrCreateValue(context);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                Collect(entry, pending);
            }
        }
    }

    private static void Collect(EntityEntry entry, Pending pending)
    {
        switch (entry.Entity)
        {
            // Persona and framework text appears on nearly every page; only an import changes it.
            case Persona or PersonaSkill or PersonaIteration or Skill or SkillArea or SkillLevel:
                pending.Tags.Add(PageTags.All);
                break;

            case Tool or PersonaTool or ToolSkill:
                pending.Tags.UnionWith([PageTags.Tools, PageTags.Home, PageTags.Skills, PageTags.Search]);
                pending.Changed.Add(entry.Entity);
                break;

            case PersonaFeedback feedback when entry.State == EntityState.Added || ChangesWhatIsShown(entry):
                pending.Tags.Add(PageTags.Persona(feedback.PersonaId));
                break;

            case ToolFeedback when entry.State == EntityState.Added || ChangesWhatIsShown(entry):
                pending.Tags.Add(PageTags.ToolsByHelpfulness);
                break;
        }
    }

    /// <summary>Counts leave out spam, and comments show only when published; the rest of triage shows nowhere.</summary>
    private static bool ChangesWhatIsShown(EntityEntry entry)
    {
        var status = entry.Property(nameof(FeedbackItem.Status));
        return entry.State == EntityState.Deleted
            || (status.IsModified && (FeedbackStatus.Spam.Equals(status.OriginalValue) || FeedbackStatus.Spam.Equals(status.CurrentValue)))
            || entry.Property(nameof(FeedbackItem.CommentPublished)).IsModified;
    }

    /// <summary>
    /// A tool shows on the pages of the personas and skills it is linked to: the links it had (from the changed link
    /// rows) and the links it has now (from the database, as a restored or renamed tool's links did not change).
    /// Keys are read after saving, when new rows have their real ids.
    /// </summary>
    private static async Task AddToolLinksAsync(DbContext context, Pending pending, CancellationToken cancellationToken)
    {
        if (pending.Changed.Count == 0)
        {
            return;
        }

        var toolIds = new HashSet<int>();
        foreach (var changed in pending.Changed)
        {
            switch (changed)
            {
                case Tool tool:
                    toolIds.Add(tool.Id);
                    break;
                case PersonaTool link:
                    toolIds.Add(link.ToolId);
                    pending.Tags.Add(PageTags.Persona(link.PersonaId));
                    break;
                case ToolSkill link:
                    toolIds.Add(link.ToolId);
                    pending.Tags.Add(PageTags.Skill(link.SkillId));
                    break;
            }
        }

        var personaIds = await context.Set<PersonaTool>().AsNoTracking()
            .Where(link => toolIds.Contains(link.ToolId)).Select(link => link.PersonaId).Distinct()
            .ToListAsync(cancellationToken);
        var skillIds = await context.Set<ToolSkill>().AsNoTracking()
            .Where(link => toolIds.Contains(link.ToolId)).Select(link => link.SkillId).Distinct()
            .ToListAsync(cancellationToken);
        pending.Tags.UnionWith(personaIds.Select(PageTags.Persona));
        pending.Tags.UnionWith(skillIds.Select(PageTags.Skill));
        pending.Changed.Clear();
    }
}
