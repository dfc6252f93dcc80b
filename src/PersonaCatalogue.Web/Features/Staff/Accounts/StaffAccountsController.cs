using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PersonaCatalogue.Core.Audit;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Staff;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.Accounts;

/// <summary>Administrators add staff, disable or enable them, and reset passwords. Generated passwords are shown once and never stored in clear.</summary>
[Authorize(Roles = StaffRoles.Administrator)]
[Route("staff/accounts")]
public class StaffAccountsController(CatalogueDbContext db, StaffAccounts accounts, UserManager<StaffUser> users, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(new AccountsPage(await ListAsync(cancellationToken), new AddStaffForm(), null));

    [HttpPost("")]
    public async Task<IActionResult> Add(AddStaffForm form, CancellationToken cancellationToken)
    {
        var result = new AddStaffFormValidator().Validate(form);
        if (result.IsValid && await users.FindByEmailAsync(form.Email!) is not null)
        {
            result.Errors.Add(new ValidationFailure(nameof(AddStaffForm.Email), "There is already a staff account with this email address"));
        }

        if (!result.IsValid)
        {
            return this.InvalidForm(result, new AccountsPage(await ListAsync(cancellationToken), form, null), nameof(Index));
        }

        var (user, password, errors) = await accounts.AddAsync(form.Email!, form.Role!);
        if (user is null)
        {
            errors.ToList().ForEach(e => ModelState.AddModelError(nameof(AddStaffForm.Email), e));
            return this.InvalidForm(new AccountsPage(await ListAsync(cancellationToken), form, null), nameof(Index));
        }

        db.Audit(User, clock.GetUtcNow().UtcDateTime, AuditActions.StaffAdded, "staff", user.Email!, new { role = form.Role });
        await db.SaveChangesAsync(cancellationToken);
        return View(nameof(Index), new AccountsPage(await ListAsync(cancellationToken), new AddStaffForm(), new OneTimePassword(user.Email!, password!)));
    }

    [HttpPost("{id}/disable")]
    public Task<IActionResult> Disable(string id, CancellationToken cancellationToken) => SetDisabledAsync(id, true, cancellationToken);

    [HttpPost("{id}/enable")]
    public Task<IActionResult> Enable(string id, CancellationToken cancellationToken) => SetDisabledAsync(id, false, cancellationToken);

    [HttpPost("{id}/reset-password")]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        var password = await accounts.ResetPasswordAsync(user);
        db.Audit(User, clock.GetUtcNow().UtcDateTime, AuditActions.StaffPasswordReset, "staff", user.Email!);
        await db.SaveChangesAsync(cancellationToken);
        return View(nameof(Index), new AccountsPage(await ListAsync(cancellationToken), new AddStaffForm(), new OneTimePassword(user.Email!, password)));
    }

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        if (user.Id == users.GetUserId(User))
        {
            TempData[Flash.Success] = "You cannot disable your own account";
            return Redirect("/staff/accounts");
        }

        user.IsDisabled = disabled;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        db.Audit(User, clock.GetUtcNow().UtcDateTime, disabled ? AuditActions.StaffDisabled : AuditActions.StaffEnabled, "staff", user.Email!);
        await db.SaveChangesAsync(cancellationToken);
        TempData[Flash.Success] = $"{user.Email} is {(disabled ? "disabled and signed out" : "enabled")}";
        return Redirect("/staff/accounts");
    }

    private async Task<List<StaffAccountRow>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new StaffAccountRow(
                u.Id,
                u.Email!,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).FirstOrDefault() ?? "",
                u.IsDisabled,
                u.LockoutEnd != null && u.LockoutEnd > now))
            .ToListAsync(cancellationToken);
    }
}

public class AddStaffForm
{
    public string? Email { get; set; }
    public string? Role { get; set; }
}

public class AddStaffFormValidator : AbstractValidator<AddStaffForm>
{
    public AddStaffFormValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter their email address")
            .MaximumLength(FieldLengths.Email).WithMessage($"Email address must be {FieldLengths.Email} characters or fewer")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.com");
        RuleFor(f => f.Role).Must(r => r is not null && StaffRoles.All.Contains(r)).WithMessage("Select their role");
    }
}

public record StaffAccountRow(string Id, string Email, string Role, bool IsDisabled, bool IsLockedOut);

public record OneTimePassword(string Email, string Password);

public record AccountsPage(List<StaffAccountRow> Accounts, AddStaffForm Form, OneTimePassword? NewPassword);
