using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Changes;

/// <summary>
/// Works out from every SaveChanges what in the catalogue changed, and tells every <see cref="ICatalogueChangeListener"/>
/// once the change is committed (at the end of SaveChanges, or when the caller's own transaction commits). Doing it
/// here rather than in each controller means a new way of changing the catalogue cannot forget to tell.
/// Changes made with ExecuteUpdate/ExecuteDelete bypass this: none of those touch what public pages show.
/// </summary>
public sealed class CatalogueChangeInterceptor(IEnumerable<ICatalogueChangeListener> listeners) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed class Collected
    {
        public bool Everything { get; set; }
        public bool Tools { get; set; }
        public bool ToolHelpfulness { get; set; }
        public bool SupportNeeds { get; set; }
        public HashSet<int> PersonaIds { get; } = [];
        public HashSet<int> SkillIds { get; } = [];

        public void Add(Collected other)
        {
            Everything |= other.Everything;
            Tools |= other.Tools;
            ToolHelpfulness |= other.ToolHelpfulness;
            SupportNeeds |= other.SupportNeeds;
            PersonaIds.UnionWith(other.PersonaIds);
            SkillIds.UnionWith(other.SkillIds);
        }

        public CatalogueChange ToChange() => new()
        {
            Everything = Everything,
            Tools = Tools,
            ToolHelpfulness = ToolHelpfulness,
            SupportNeeds = SupportNeeds,
            PersonaIds = PersonaIds.ToHashSet(),
            SkillIds = SkillIds.ToHashSet(),
        };
    }

    private sealed class Pending
    {
        public Collected Current { get; set; } = new();

        /// <summary>Tools and links whose linked personas and skills are read once saved (new rows have their ids then).</summary>
        public List<object> ChangedTools { get; } = [];

        public Collected AwaitingCommit { get; set; } = new();
    }

    private readonly ICatalogueChangeListener[] _listeners = listeners.ToArray();
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
            var change = pending.Current.ToChange();
            _pending.Remove(context);
            await TellAsync(change, cancellationToken);
        }
        else
        {
            // Telling before the caller commits would let a request cache the old page again.
            pending.AwaitingCommit.Add(pending.Current);
            pending.Current = new Collected();
        }

        return result;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        TransactionCommittedAsync(transaction, eventData).GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pending.TryGetValue(context, out var pending))
        {
            var change = pending.AwaitingCommit.ToChange();
            pending.AwaitingCommit = new Collected();
            await TellAsync(change, cancellationToken);
        }
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private async Task TellAsync(CatalogueChange change, CancellationToken cancellationToken)
    {
        if (change.IsEmpty)
        {
            return;
        }

        foreach (var listener in _listeners)
        {
            await listener.CatalogueChangedAsync(change, cancellationToken);
        }
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
            case Persona or PersonaSkill or PersonaIteration or Skill or SkillArea or SkillLevel:
                pending.Current.Everything = true;
                break;

            case Tool or PersonaTool or ToolSkill:
                pending.Current.Tools = true;
                pending.ChangedTools.Add(entry.Entity);
                break;

            case PersonaFeedback feedback when entry.State == EntityState.Added || ChangesWhatIsShown(entry):
                pending.Current.PersonaIds.Add(feedback.PersonaId);
                break;

            case ToolFeedback when entry.State == EntityState.Added || ChangesWhatIsShown(entry):
                pending.Current.ToolHelpfulness = true;
                break;

            case SupportNeedFeedback when entry.State == EntityState.Added || ChangesWhatIsShown(entry):
                pending.Current.SupportNeeds = true;
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
        if (pending.ChangedTools.Count == 0)
        {
            return;
        }

        var toolIds = new HashSet<int>();
        foreach (var changed in pending.ChangedTools)
        {
            switch (changed)
            {
                case Tool tool:
                    toolIds.Add(tool.Id);
                    break;
                case PersonaTool link:
                    toolIds.Add(link.ToolId);
                    pending.Current.PersonaIds.Add(link.PersonaId);
                    break;
                case ToolSkill link:
                    toolIds.Add(link.ToolId);
                    pending.Current.SkillIds.Add(link.SkillId);
                    break;
            }
        }

        var personaIds = await context.Set<PersonaTool>().AsNoTracking()
            .Where(link => toolIds.Contains(link.ToolId)).Select(link => link.PersonaId).Distinct()
            .ToListAsync(cancellationToken);
        var skillIds = await context.Set<ToolSkill>().AsNoTracking()
            .Where(link => toolIds.Contains(link.ToolId)).Select(link => link.SkillId).Distinct()
            .ToListAsync(cancellationToken);
        pending.Current.PersonaIds.UnionWith(personaIds);
        pending.Current.SkillIds.UnionWith(skillIds);
        pending.ChangedTools.Clear();
    }
}
