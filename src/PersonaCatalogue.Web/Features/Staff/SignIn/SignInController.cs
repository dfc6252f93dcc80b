using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PersonaCatalogue.Core.Audit;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Features.Staff.Account;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.SignIn;

[AllowAnonymous]
[AllowDuringAccountSetup]
[Route("staff")]
public class SignInController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users, CatalogueDbContext db, TimeProvider clock) : Controller
{
    public const string WrongDetails = "Enter a correct email address and password";
    public const string WrongCode = "Enter a correct code from your authenticator app, or a recovery code";

    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = LocalOrNull(returnUrl) });

    [HttpPost("sign-in")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        form.ReturnUrl = LocalOrNull(form.ReturnUrl);
        var result = new SignInFormValidator().Validate(form);
        if (!result.IsValid)
        {
            result.AddToModelState(ModelState);
            return SignInPage(form);
        }

        // The same message whether the email is unknown, the password wrong, the account disabled or locked, so the
        // form does not reveal who has an account.
        var user = await users.FindByEmailAsync(form.Email!);
        if (user is null || user.IsDisabled)
        {
            await AuditAsync(AuditActions.StaffSignInFailed, user?.Id, user?.Email ?? form.Email!, new { reason = user is null ? "unknown email" : "disabled" });
            return WrongDetailsPage(form);
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var outcome = await signIn.PasswordSignInAsync(user, form.Password!, isPersistent: false, lockoutOnFailure: true);
        if (outcome.RequiresTwoFactor)
        {
            return Redirect(CodePath + (form.ReturnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(form.ReturnUrl)));
        }

        if (!outcome.Succeeded)
        {
            await AuditAsync(AuditActions.StaffSignInFailed, user.Id, user.Email!, new { reason = wasLockedOut ? "locked" : "wrong password" });
            if (outcome.IsLockedOut && !wasLockedOut)
            {
                await AuditAsync(AuditActions.StaffLockedOut, user.Id, user.Email!, new { until = user.LockoutEnd });
            }

            return WrongDetailsPage(form);
        }

        await AuditAsync(AuditActions.StaffSignedIn, user.Id, user.Email!, new { twoFactor = "none" });
        return LocalRedirect(form.ReturnUrl ?? "/staff");
    }

    public const string CodePath = "/staff/sign-in/code";

    [HttpGet("sign-in/code")]
    public async Task<IActionResult> Code(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? Redirect("/staff/sign-in")
            : View(new SignInCodeForm { ReturnUrl = LocalOrNull(returnUrl) });

    [HttpPost("sign-in/code")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Code(SignInCodeForm form)
    {
        form.ReturnUrl = LocalOrNull(form.ReturnUrl);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Redirect("/staff/sign-in");
        }

        var code = Codes.Normalise(form.Code);
        if (code.Length == 0)
        {
            ModelState.AddModelError(nameof(SignInCodeForm.Code), "Enter the code from your authenticator app, or a recovery code");
            return CodePage(form);
        }

        var wasLockedOut = await users.IsLockedOutAsync(user);
        var byApp = Codes.IsAuthenticatorCode(code);
        var outcome = byApp
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(code);
        if (!outcome.Succeeded)
        {
            await AuditAsync(AuditActions.StaffSignInFailed, user.Id, user.Email!, new { reason = wasLockedOut ? "locked" : "wrong code" });
            if (outcome.IsLockedOut && !wasLockedOut)
            {
                await AuditAsync(AuditActions.StaffLockedOut, user.Id, user.Email!, new { until = (await users.FindByIdAsync(user.Id))?.LockoutEnd });
            }

            ModelState.AddModelError(nameof(SignInCodeForm.Code), WrongCode);
            return CodePage(form);
        }

        await AuditAsync(AuditActions.StaffSignedIn, user.Id, user.Email!, new { twoFactor = byApp ? "authenticator" : "recovery code" });
        return LocalRedirect(form.ReturnUrl ?? "/staff");
    }

    [HttpPost("sign-out")]
    public async Task<IActionResult> SignOutOfStaff()
    {
        await signIn.SignOutAsync();
        return Redirect("/staff/signed-out");
    }

    [HttpGet("signed-out")]
    public IActionResult SignedOut() => View();

    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    private ViewResult WrongDetailsPage(SignInForm form)
    {
        ModelState.AddModelError(nameof(SignInForm.Email), WrongDetails);
        return SignInPage(form);
    }

    private ViewResult CodePage(SignInCodeForm form)
    {
        form.Code = null;
        return this.InvalidForm(form, nameof(Code));
    }

    private async Task AuditAsync(string action, string? userId, string email, object details)
    {
        db.AuditAccount(clock.GetUtcNow().UtcDateTime, action, userId, email, details);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
    }

    private ViewResult SignInPage(SignInForm form)
    {
        form.Password = null;
        return this.InvalidForm(form, nameof(SignIn));
    }

    private string? LocalOrNull(string? returnUrl) => returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}

public class SignInForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? ReturnUrl { get; set; }
}

public class SignInCodeForm
{
    public string? Code { get; set; }
    public string? ReturnUrl { get; set; }
}

public class SignInFormValidator : AbstractValidator<SignInForm>
{
    public SignInFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password");
    }
}
