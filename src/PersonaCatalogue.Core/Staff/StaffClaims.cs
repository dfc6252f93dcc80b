namespace PersonaCatalogue.Core.Staff;

/// <summary>Claims in a staff member's cookie that the staff pages act on.</summary>
public static class StaffClaims
{
    /// <summary>Stored with the account (AspNetUserClaims) after a password was set by someone else.</summary>
    public const string MustChangePassword = "staff:must-change-password";

    /// <summary>Added at sign-in and at every security stamp check when the account has an authenticator app.</summary>
    public const string TwoFactorEnabled = "staff:two-factor";
}
