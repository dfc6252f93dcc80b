using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.SignIn;

[AllowAnonymous]
[Route("staff")]
public class SignInController(SignInManager<StaffUser> signIn, UserManager<StaffUser> users) : Controller
{
    public const string WrongDetails = "Enter a correct email address and password";

    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = LocalOrNull(returnUrl) });

    [HttpPost("sign-in")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        form.ReturnUrl = LocalOrNull(form.ReturnUrl);
        var result = new SignInFormValidator().Validate(form);
        var password = form.Password;
        // The page never sends a password back, whatever went wrong.
        form.Password = null;
        if (!result.IsValid)
        {
            return this.InvalidForm(result, form, nameof(SignIn));
        }

        // The same message whether the email is unknown or the password wrong, so the form does not reveal who has an account.
        var user = await users.FindByEmailAsync(form.Email!);
        if (user is null || user.IsDisabled)
        {
            return Refused(form, WrongDetails);
        }

        var outcome = await signIn.PasswordSignInAsync(user, password!, isPersistent: false, lockoutOnFailure: true);
        if (outcome.IsLockedOut)
        {
            return Refused(form, "This account is locked after too many failed attempts. Try again in 15 minutes");
        }

        if (!outcome.Succeeded)
        {
            return Refused(form, WrongDetails);
        }

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

    private ViewResult Refused(SignInForm form, string message)
    {
        ModelState.AddModelError(nameof(SignInForm.Email), message);
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

public class SignInFormValidator : AbstractValidator<SignInForm>
{
    public SignInFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter your email address");
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password");
    }
}
