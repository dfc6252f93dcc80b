using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Core.Staff;

/// <summary>Creates staff accounts and resets their passwords with a generated one-time password; used by the CLI, the demo moderator and administrators.</summary>
public class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Creates the account, or returns the errors Identity gave (such as a duplicate email).</summary>
    public async Task<(StaffUser? User, string? Password, IReadOnlyList<string> Errors)> AddAsync(string email, string role, string? password = null)
    {
        if (!StaffRoles.All.Contains(role))
        {
            return (null, null, [$"Role must be one of {string.Join(", ", StaffRoles.All)}"]);
        }

        await EnsureRolesAsync();
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            LockoutEnabled = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var generated = password is null;
        password ??= GeneratePassword();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, null, created.Errors.Select(e => e.Description).ToList());
        }

        await users.AddToRoleAsync(user, role);
        if (generated)
        {
            await RequirePasswordChangeAsync(user);
        }

        return (user, password, []);
    }

    /// <summary>
    /// Gives the account a new generated password, unlocks it and signs it out everywhere. Works on an account with no
    /// password at all, as after <c>import-all</c> of an export made without password hashes.
    /// </summary>
    /// <param name="removeAuthenticator">
    /// Also turn off the account's authenticator app (for someone who lost it and their recovery codes): the command
    /// line does, as whoever runs it already holds the database; the accounts page does not, so a reset password alone
    /// never gets past the second factor.
    /// </param>
    public async Task<string> ResetPasswordAsync(StaffUser user, bool removeAuthenticator = false)
    {
        if (removeAuthenticator)
        {
            await users.SetTwoFactorEnabledAsync(user, false);
            await users.ResetAuthenticatorKeyAsync(user);
        }

        var password = GeneratePassword();
        await users.RemovePasswordAsync(user);
        await users.AddPasswordAsync(user, password);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await RequirePasswordChangeAsync(user);
        // A new security stamp signs the account out everywhere it was signed in.
        await users.UpdateSecurityStampAsync(user);
        return password;
    }

    /// <summary>
    /// Someone else has seen this password (an administrator, or whoever ran the command line), so the account must
    /// choose its own at its next sign-in. Kept as a user claim: it travels in the staff cookie, so the staff pages check
    /// it without a database read, and a new sign-in or the security stamp check picks up a change.
    /// </summary>
    public async Task RequirePasswordChangeAsync(StaffUser user)
    {
        if (!(await users.GetClaimsAsync(user)).Any(c => c.Type == StaffClaims.MustChangePassword))
        {
            await users.AddClaimAsync(user, new Claim(StaffClaims.MustChangePassword, "true"));
        }
    }

    /// <summary>Changes the password the account chose itself, and lifts the forced change.</summary>
    public async Task<IdentityResult> ChangePasswordAsync(StaffUser user, string currentPassword, string newPassword)
    {
        var changed = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (changed.Succeeded)
        {
            foreach (var claim in (await users.GetClaimsAsync(user)).Where(c => c.Type == StaffClaims.MustChangePassword))
            {
                await users.RemoveClaimAsync(user, claim);
            }
        }

        return changed;
    }

    /// <summary>20 characters from an unambiguous alphabet plus a digit and symbol: about 118 bits.</summary>
    public static string GeneratePassword() =>
        new string(RandomNumberGenerator.GetItems<char>(PasswordAlphabet, 20)) + "-7";
}
