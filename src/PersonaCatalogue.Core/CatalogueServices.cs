using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Core.Changes;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Email;
using PersonaCatalogue.Core.Generate;
using PersonaCatalogue.Core.Import;
using PersonaCatalogue.Core.Privacy;
using PersonaCatalogue.Core.Search;

namespace PersonaCatalogue.Core;

public static class CatalogueServices
{
    /// <summary>
    /// The catalogue as the site and the command line both use it: the database (with the change interceptor), the
    /// vocabulary, the decisions on suggestions, the importer and the generator. Whoever wants to hear of changes (the
    /// site's page cache) registers an <see cref="ICatalogueChangeListener"/>.
    /// </summary>
    public static IServiceCollection AddCatalogue(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddCatalogueDatabase(configuration, environment);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CatalogueVocabulary>();
        services.AddSingleton<ICatalogueChangeListener>(provider => provider.GetRequiredService<CatalogueVocabulary>());
        services.AddSingleton<CatalogueSkillNeeds>();
        services.AddSingleton<ICatalogueChangeListener>(provider => provider.GetRequiredService<CatalogueSkillNeeds>());
        services.AddSingleton<CatalogueToolCounts>();
        services.AddSingleton<ICatalogueChangeListener>(provider => provider.GetRequiredService<CatalogueToolCounts>());
        services.AddSingleton<SearchTermScores>();
        services.AddSingleton<ICatalogueChangeListener>(provider => provider.GetRequiredService<SearchTermScores>());
        services.AddScoped<SuggestionDecisions>();
        services.AddScoped<SeedImporter>();
        services.AddScoped<CatalogueGenerator>();
        services.AddSingleton(EmailSettings.Read(configuration));
        services.AddScoped<DecisionEmails>();
        services.AddScoped<PersonalDataRetention>();
        services.AddScoped<PersonalDataErasure>();
        // Runs only in a host that starts its hosted services (the site), not in the command line.
        services.AddHostedService<ImportWatcher>();
        return services;
    }
}
