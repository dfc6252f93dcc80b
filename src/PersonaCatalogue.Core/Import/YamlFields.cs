using System.Globalization;
using PersonaCatalogue.Core.Catalogue;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PersonaCatalogue.Core.Import;

/// <summary>
/// Reads the fields of one YAML mapping and reports any problem with the file, line and field,
/// so an author can find the mistake without reading code.
/// </summary>
public class YamlFields
{
    private readonly YamlMappingNode _mapping;
    private readonly string _path;

    private YamlFields(YamlMappingNode mapping, string file, int lineOffset, string path)
    {
        _mapping = mapping;
        File = file;
        LineOffset = lineOffset;
        _path = path;
    }

    public string File { get; }

    /// <summary>Lines before the YAML starts in the file (the front matter's opening <c>---</c>).</summary>
    public int LineOffset { get; }

    public int Line => LineOf(_mapping);

    public static YamlFields Parse(string yaml, string file, int lineOffset)
    {
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            throw new SeedDataException(file, (int)ex.Start.Line + lineOffset, "(syntax)", ex.InnerException?.Message ?? ex.Message);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this, without a position, on some malformed input: report where parsing stopped.
            var line = (int)(parser.Current?.End.Line ?? 1) + lineOffset;
            throw new SeedDataException(file, line, "(syntax)", "the YAML is malformed at or just after this line");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SeedDataException(file, 1 + lineOffset, "(document)", "expected a mapping of field names to values");
        }

        return new YamlFields(root, file, lineOffset, "");
    }

    public SeedDataException Problem(string key, string problem) =>
        new(File, _mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) ? LineOf(node) : Line, FieldName(key), problem);

    public string Required(string key, int maxLength)
    {
        var value = Optional(key, maxLength);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw Problem(key, "is required");
        }

        return value;
    }

    public string? Optional(string key, int maxLength)
    {
        if (!_mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) || IsNull(node))
        {
            return null;
        }

        if (node is not YamlScalarNode scalar)
        {
            throw Problem(key, "must be a single value, not a list or mapping");
        }

        var value = (scalar.Value ?? "").Trim();
        if (value.Length > maxLength)
        {
            throw Problem(key, $"must be {maxLength} characters or fewer (it has {value.Length})");
        }

        return value;
    }

    public string RequiredSlug(string key)
    {
        var value = Required(key, Data.FieldLengths.Slug);
        if (!Slugs.IsValid(value))
        {
            throw Problem(key, $"'{value}' must be lowercase letters, digits and single hyphens");
        }

        return value;
    }

    public int RequiredInt(string key, int min)
    {
        var text = Required(key, 10);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw Problem(key, $"must be a whole number of at least {min}");
        }

        return value;
    }

    /// <summary>A date that may be left out; a date no source gives is left out rather than guessed.</summary>
    public DateOnly? OptionalDate(string key)
    {
        var text = Optional(key, 10);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw Problem(key, $"'{text}' must be a date written YYYY-MM-DD, or left out when no source gives one");
        }

        return value;
    }

    /// <summary>Yes, no or not known: <c>unknown</c>, or leaving the field out, is an answer, not a mistake.</summary>
    public bool? OptionalBoolOrUnknown(string key)
    {
        var text = Optional(key, 7);
        return text switch
        {
            null or "" or "unknown" => null,
            "true" or "yes" => true,
            "false" or "no" => false,
            _ => throw Problem(key, $"'{text}' must be true, false or unknown"),
        };
    }

    /// <summary>Refuses a field the files no longer set, saying why, so an old habit fails loudly rather than silently.</summary>
    public void Refuse(string key, string why)
    {
        if (_mapping.Children.ContainsKey(new YamlScalarNode(key)))
        {
            throw Problem(key, why);
        }
    }

    public string RequiredUrl(string key)
    {
        var value = Required(key, Data.FieldLengths.Url);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw Problem(key, $"'{value}' must be an absolute http or https address");
        }

        return value;
    }

    public List<string> StringList(string key, int maxLength, bool required = false)
    {
        var items = Sequence(key, required);
        var values = new List<string>();
        foreach (var item in items)
        {
            if (item is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
            {
                throw new SeedDataException(File, LineOf(item), FieldName(key), "each item must be a single non-empty value");
            }

            var value = scalar.Value.Trim();
            if (value.Length > maxLength)
            {
                throw new SeedDataException(File, LineOf(item), FieldName(key), $"each item must be {maxLength} characters or fewer");
            }

            values.Add(value);
        }

        return values;
    }

    public List<YamlFields> MappingList(string key, bool required = false)
    {
        var items = Sequence(key, required);
        var result = new List<YamlFields>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not YamlMappingNode mapping)
            {
                throw new SeedDataException(File, LineOf(items[i]), FieldName(key), "each item must be a mapping of field names to values");
            }

            result.Add(new YamlFields(mapping, File, LineOffset, $"{FieldName(key)}[{i}]."));
        }

        return result;
    }

    private List<YamlNode> Sequence(string key, bool required)
    {
        if (!_mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) || IsNull(node))
        {
            return required ? throw Problem(key, "is required and must list at least one item") : [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw Problem(key, "must be a list");
        }

        if (required && sequence.Children.Count == 0)
        {
            throw Problem(key, "must list at least one item");
        }

        return [.. sequence.Children];
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null", Style: ScalarStyle.Plain };

    private int LineOf(YamlNode node) => (int)node.Start.Line + LineOffset;

    private string FieldName(string key) => _path + key;
}
