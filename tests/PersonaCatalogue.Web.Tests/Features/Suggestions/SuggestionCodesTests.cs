using PersonaCatalogue.Web.Features.Suggestions;

namespace PersonaCatalogue.Web.Tests.Features.Suggestions;

/// <summary>The references and status tokens themselves; saving a suggestion under a fresh reference is <see cref="SuggestionCodesSaveTests"/>.</summary>
public class SuggestionCodesTests
{
    [Fact]
    public void NewReference_UsesOnlyTheUnambiguousAlphabet()
    {
        var references = Enumerable.Range(0, 1000).Select(_ => SuggestionCodes.NewReference()).ToList();

        Assert.All(references, r => Assert.Matches("^TS-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}$", r));
        Assert.True(references.Distinct().Count() > 990);
    }

    [Fact]
    public void NewStatusToken_Is256BitsOfBase64Url()
    {
        var token = SuggestionCodes.NewStatusToken();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", token);
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(token).Length);
        Assert.NotEqual(token, SuggestionCodes.NewStatusToken());
    }
}
