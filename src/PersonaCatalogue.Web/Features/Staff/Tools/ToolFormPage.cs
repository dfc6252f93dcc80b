using PersonaCatalogue.Core.Catalogue;
using PersonaCatalogue.Web.Features.Tools;

namespace PersonaCatalogue.Web.Features.Staff.Tools;

/// <summary>What the tool form partial needs: the values, the personas and skills to offer, and whether the slug can change.</summary>
public record ToolFormPage(ToolForm Form, Vocabulary Options, bool SlugEditable);
