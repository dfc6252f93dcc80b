namespace PersonaCatalogue.Core.Catalogue;

/// <summary>
/// Where each part of a persona comes from. The split is fixed by the sources rather than stored per row: the ODI's
/// published learning personas (announced on 10 May 2018, shown here in the ODI's February 2019 rendering in
/// theodi/skills-framework) give a persona's name, role, description, goals, needs to know and list of skills;
/// everything else about a persona was written for this catalogue, because the ODI's page has no such section and
/// its tool list was never found. The pages label our parts with these words, and the open data's <c>source</c>
/// fields carry the two slugs, so a reader never takes our writing for the ODI's.
/// </summary>
public static class ContentSources
{
    /// <summary>The ODI's published learning personas, paraphrased.</summary>
    public const string Odi = "odi";

    /// <summary>Written for this catalogue: our reading, not the ODI's.</summary>
    public const string Catalogue = "catalogue";

    /// <summary>Name, role, summary, description, goals and needs to know: the ODI's, in our words.</summary>
    public const string PersonaProfile = Odi;

    /// <summary>Which skills a persona needs: the ODI's "Key ODI skills framework areas".</summary>
    public const string PersonaSkillList = Odi;

    /// <summary>Frustrations: the ODI's personas have none; ours.</summary>
    public const string PersonaFrustrations = Catalogue;

    /// <summary>The level at which a persona needs a skill: no source gives one; our judgement.</summary>
    public const string PersonaSkillLevel = Catalogue;

    /// <summary>Why a persona needs a skill: ours.</summary>
    public const string PersonaSkillWhy = Catalogue;

    /// <summary>Every persona–tool link and its "why": ours (the ODI's tool list was never found).</summary>
    public const string PersonaTool = Catalogue;

    /// <summary>Which skills of the framework a tool supports: our judgement (no source links tools to skills).</summary>
    public const string ToolSkills = Catalogue;
}
