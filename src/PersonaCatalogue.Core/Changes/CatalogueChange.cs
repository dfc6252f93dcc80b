namespace PersonaCatalogue.Core.Changes;

/// <summary>
/// What one committed change to the catalogue touched, in the catalogue's own terms. The web turns it into the pages
/// to evict; Core's own caches (the vocabulary) use it too.
/// </summary>
public sealed record CatalogueChange
{
    /// <summary>Persona or framework text changed (only an import does that): it shows nearly everywhere.</summary>
    public bool Everything { get; init; }

    /// <summary>A tool or one of its links changed, so lists of tools, counts and search results may differ.</summary>
    public bool Tools { get; init; }

    /// <summary>Personas whose own page shows something that changed: a linked tool, or its feedback counts and comments.</summary>
    public IReadOnlySet<int> PersonaIds { get; init; } = new HashSet<int>();

    /// <summary>Skills whose own page shows something that changed: a linked tool.</summary>
    public IReadOnlySet<int> SkillIds { get; init; } = new HashSet<int>();

    /// <summary>An answer to "Did this tool help you?" that counts came, went or changed.</summary>
    public bool ToolHelpfulness { get; init; }

    /// <summary>An answer to "Where do you need more support?" that counts came, went or was marked (or unmarked) as spam.</summary>
    public bool SupportNeeds { get; init; }

    public static CatalogueChange All { get; } = new() { Everything = true };

    public bool IsEmpty => !Everything && !Tools && !ToolHelpfulness && !SupportNeeds && PersonaIds.Count == 0 && SkillIds.Count == 0;
}

/// <summary>
/// Told about every committed change to the catalogue, by this process's saves and by imports another process ran
/// (<see cref="ImportWatcher"/>). Core defines it so that Core never needs to know who listens (the web's page cache).
/// </summary>
public interface ICatalogueChangeListener
{
    Task CatalogueChangedAsync(CatalogueChange change, CancellationToken cancellationToken);
}
