namespace PersonaCatalogue.Core.Data;

/// <summary>Maximum lengths shared by the entity configurations, the importer, the validators and the tests.</summary>
public static class FieldLengths
{
    public const int Slug = 100;
    public const int Name = 100;
    public const int PersonaRole = 150;
    public const int Summary = 200;
    public const int Url = 2000;
    public const int Publisher = 200;
    public const int Why = 500;
    public const int Markdown = 20_000;

    // The public suggestion form.
    public const int SuggestionToolNameMin = 2;
    public const int SuggestionWhatItDoesMin = 10;
    public const int LongText = 2000;
    public const int Email = 254;
    public const int PersonName = 100;
    public const int Organisation = 200;
    public const int Reason = 2000;
}
