namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>The one-time success message after a POST-redirect-GET, carried in TempData's cookie.</summary>
public static class Flash
{
    public const string CookieName = "flash";
    public const string Success = "Success";
}
