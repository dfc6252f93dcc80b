using Microsoft.AspNetCore.Identity;

namespace PersonaCatalogue.Core.Data.Entities;

/// <summary>A member of staff. Accounts come from an administrator or the command line; there is no self-registration.</summary>
public class StaffUser : IdentityUser
{
    /// <summary>UTC.</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>A disabled account cannot sign in; it is kept so the audit log still names who did what.</summary>
    public bool IsDisabled { get; set; }
}

public static class StaffRoles
{
    public const string Moderator = "Moderator";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Moderator, Administrator];

    /// <summary>For [Authorize(Roles = ...)]: everyone who may moderate.</summary>
    public const string AnyStaff = Moderator + "," + Administrator;
}
