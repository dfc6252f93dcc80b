using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Staff;

namespace PersonaCatalogue.Web.Features.Staff.Account;

/// <summary>Pages a member of staff can reach before their account is set up: signing in and out, and the set-up itself.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowDuringAccountSetupAttribute : Attribute;

/// <summary>
/// Keeps a signed-in member of staff on the set-up pages until their account is safe to use: first a password of their
/// own after someone else set one, then (Administrators) an authenticator app.
/// </summary>
public sealed class AccountSetupFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true
            || !http.Request.Path.StartsWithSegments("/staff")
            || context.ActionDescriptor.EndpointMetadata.OfType<AllowDuringAccountSetupAttribute>().Any())
        {
            return;
        }

        var next = NextStep(http.User);
        if (next is not null)
        {
            context.Result = new RedirectResult(next);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    /// <summary>Where the account must go next before anything else, or null when it is set up.</summary>
    public static string? NextStep(ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == StaffClaims.MustChangePassword) ? AccountController.PasswordPath
        : user.IsInRole(StaffRoles.Administrator) && !user.HasClaim(c => c.Type == StaffClaims.TwoFactorEnabled) ? AccountController.TwoFactorPath
        : null;
}

/// <summary>Adds whether the account has an authenticator app, so the staff pages know without reading the database.</summary>
public sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await UserManager.GetTwoFactorEnabledAsync(user))
        {
            identity.AddClaim(new Claim(StaffClaims.TwoFactorEnabled, "true"));
        }

        return identity;
    }
}
