namespace PersonaCatalogue.Web.Features.Shared;

/// <summary>
/// The CC BY attribution, said the same way in the footer, on /data and About, and in the Atom feed: which parts are
/// the ODI's and which are ours, so nobody reusing the data credits the ODI with our writing (see ContentSources).
/// </summary>
public static class Attribution
{
    public const string Odi =
        "The personas’ names, roles, descriptions, goals, needs to know and lists of skills are from the Open Data Institute’s "
        + "“Learning personas” page of February 2019 (very probably its version of the learning personas for public services it published on 10 May 2018), "
        + "and the skills framework is the ODI’s 2019 Skills Framework, both in our own words.";

    public const string Ours =
        "The frustrations, the level at which each persona needs a skill and why, and every tool with the skills it supports and the reasons it suits a persona "
        + "were written for this catalogue and are marked “Our reading” or “catalogue” in the data.";

    public const string Licence = "Creative Commons Attribution 4.0 (CC BY 4.0)";

    public const string LicenceUrl = "https://creativecommons.org/licenses/by/4.0/";
}
