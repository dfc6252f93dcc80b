using System.Text;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PersonaCatalogue.Core.Audit;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Staff;
using PersonaCatalogue.Web.Infrastructure;
using QRCoder;

namespace PersonaCatalogue.Web.Features.Staff.Account;

/// <summary>
/// A member of staff's own account: their password and their authenticator app (TOTP, with ASP.NET Core Identity's
/// authenticator token provider). No [Authorize] here: everything under /staff needs a signed-in member of staff.
/// </summary>
[Route("staff/account")]
public class AccountController(
    CatalogueDbContext db, StaffAccounts accounts, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, TimeProvider clock) : Controller
{
    public const string PasswordPath = "/staff/account/password";
    public const string TwoFactorPath = "/staff/account/two-factor";
    private const int RecoveryCodeCount = 10;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUserAsync();
        return View(new AccountPage(user.Email!, User.IsInRole(StaffRoles.Administrator), await users.GetTwoFactorEnabledAsync(user),
            await users.CountRecoveryCodesAsync(user)));
    }

    [HttpGet("password")]
    [AllowDuringAccountSetup]
    public IActionResult Password() => View(new ChangePasswordPage(new ChangePasswordForm(), IsForced()));

    [HttpPost("password")]
    [AllowDuringAccountSetup]
    public async Task<IActionResult> Password(ChangePasswordForm form, CancellationToken cancellationToken)
    {
        var result = new ChangePasswordFormValidator().Validate(form);
        result.AddToModelState(ModelState);
        var user = await CurrentUserAsync();
        if (ModelState.IsValid)
        {
            var changed = await accounts.ChangePasswordAsync(user, form.CurrentPassword!, form.NewPassword!);
            foreach (var error in changed.Errors)
            {
                if (error.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                {
                    ModelState.AddModelError(nameof(ChangePasswordForm.CurrentPassword), "Your current password is not correct");
                }
                else
                {
                    ModelState.AddModelError(nameof(ChangePasswordForm.NewPassword), error.Description);
                }
            }
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(new ChangePasswordPage(new ChangePasswordForm(), IsForced()));
        }

        await AuditAndRefreshAsync(user, AuditActions.StaffPasswordChanged, cancellationToken);
        TempData[Flash.Success] = "Your password has been changed";
        return Redirect("/staff/account");
    }

    [HttpGet("two-factor")]
    [AllowDuringAccountSetup]
    public async Task<IActionResult> TwoFactor()
    {
        var user = await CurrentUserAsync();
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Redirect("/staff/account");
        }

        return View(await SetUpPageAsync(user, new TwoFactorForm()));
    }

    [HttpPost("two-factor")]
    [AllowDuringAccountSetup]
    public async Task<IActionResult> TwoFactor(TwoFactorForm form, CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Redirect("/staff/account");
        }

        var code = Codes.Normalise(form.Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(TwoFactorForm.Code), "Enter the 6-digit code from your authenticator app");
        }
        else if (!Codes.IsAuthenticatorCode(code)
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(TwoFactorForm.Code), "Enter the 6-digit code your authenticator app shows now");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await SetUpPageAsync(user, new TwoFactorForm()));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await AuditAndRefreshAsync(user, AuditActions.StaffTwoFactorEnabled, cancellationToken);
        return View("RecoveryCodes", new RecoveryCodesPage([.. recoveryCodes ?? []], JustEnabled: true));
    }

    [HttpPost("two-factor/turn-off")]
    public async Task<IActionResult> TurnOffTwoFactor(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (User.IsInRole(StaffRoles.Administrator))
        {
            TempData[Flash.Success] = "Administrators must keep an authenticator app. To move to a new one, ask for your account to be reset from the command line (staff reset)";
            return Redirect("/staff/account");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await AuditAndRefreshAsync(user, AuditActions.StaffTwoFactorDisabled, cancellationToken);
        TempData[Flash.Success] = "Your authenticator app is turned off";
        return Redirect("/staff/account");
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes(CancellationToken cancellationToken)
    {
        var user = await CurrentUserAsync();
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Redirect("/staff/account");
        }

        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        db.Audit(User, clock.GetUtcNow().UtcDateTime, AuditActions.StaffRecoveryCodesGenerated, "staff", user.Email!);
        await db.SaveChangesAsync(cancellationToken);
        return View("RecoveryCodes", new RecoveryCodesPage([.. recoveryCodes ?? []], JustEnabled: false));
    }

    /// <summary>Records the change and renews this browser's cookie (a changed security stamp would sign it out too).</summary>
    private async Task AuditAndRefreshAsync(StaffUser user, string action, CancellationToken cancellationToken)
    {
        db.Audit(User, clock.GetUtcNow().UtcDateTime, action, "staff", user.Email!);
        await db.SaveChangesAsync(cancellationToken);
        await signIn.RefreshSignInAsync(user);
    }

    private bool IsForced() => User.HasClaim(c => c.Type == StaffClaims.MustChangePassword);

    private async Task<StaffUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in member of staff has no account");

    private async Task<TwoFactorPage> SetUpPageAsync(StaffUser user, TwoFactorForm form)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }

        var uri = $"otpauth://totp/{Uri.EscapeDataString("Learning personas")}:{Uri.EscapeDataString(user.Email!)}" +
            $"?secret={key}&issuer={Uri.EscapeDataString("Learning personas")}&digits=6";
        var png = PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.Q, 5);
        return new TwoFactorPage(Codes.Grouped(key!), "data:image/png;base64," + Convert.ToBase64String(png), form, User.IsInRole(StaffRoles.Administrator));
    }
}

/// <summary>
/// What staff type as a code. Spaces are ignored, as apps show codes in groups; an authenticator code may also be
/// typed with a hyphen. Identity's recovery codes are two groups of five joined by a hyphen, which may be left out.
/// </summary>
public static class Codes
{
    public static string Normalise(string? code)
    {
        var typed = (code ?? "").Replace(" ", "");
        var bare = typed.Replace("-", "");
        return IsAuthenticatorCode(bare) ? bare
            : bare.Length == 10 ? string.Concat(bare.AsSpan(0, 5), "-", bare.AsSpan(5))
            : typed;
    }

    public static bool IsAuthenticatorCode(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);

    /// <summary>The key in groups of four, easier to type into an app.</summary>
    public static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(grouped.Length == 0 ? "" : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return grouped.ToString().ToLowerInvariant();
    }
}

public class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

public class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public const int MinimumLength = 12;

    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword).NotEmpty().WithMessage("Enter your current password");
        RuleFor(f => f.NewPassword).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter a new password")
            .MinimumLength(MinimumLength).WithMessage($"Your new password must be {MinimumLength} characters or more")
            .MaximumLength(256).WithMessage("Your new password must be 256 characters or fewer")
            .NotEqual(f => f.CurrentPassword).WithMessage("Your new password must be different from your current password");
        RuleFor(f => f.ConfirmPassword).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Confirm your new password")
            .Equal(f => f.NewPassword).WithMessage("The passwords do not match");
    }
}

public class TwoFactorForm
{
    public string? Code { get; set; }
}

public record AccountPage(string Email, bool IsAdministrator, bool TwoFactorEnabled, int RecoveryCodesLeft);

public record ChangePasswordPage(ChangePasswordForm Form, bool Forced);

public record TwoFactorPage(string Key, string QrCodeDataUri, TwoFactorForm Form, bool IsAdministrator);

public record RecoveryCodesPage(IReadOnlyList<string> Codes, bool JustEnabled);
