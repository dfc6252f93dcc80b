using FluentValidation;
using FluentValidation.AspNetCore;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PersonaCatalogue.Core.Data;
using PersonaCatalogue.Core.Data.Entities;
using PersonaCatalogue.Core.Privacy;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Staff.PersonalData;

/// <summary>
/// Erasure on request (Administrators only): find everything held for an email address, then erase it with a reason.
/// The search is a POST so the address never appears in a URL, and so in no log or browser history.
/// </summary>
[Authorize(Roles = StaffRoles.Administrator)]
[Route(Home)]
public class PersonalDataController(PersonalDataErasure erasure) : Controller
{
    public const string Home = "/staff/personal-data";

    [HttpGet("")]
    public IActionResult Index() => View(new PersonalDataPage(new PersonalDataForm(), null));

    [HttpPost("")]
    public Task<IActionResult> Search(PersonalDataForm form, CancellationToken cancellationToken) =>
        ShowAsync(form, new PersonalDataSearchValidator().Validate(form), cancellationToken);

    [HttpPost("erase")]
    public async Task<IActionResult> Erase(PersonalDataForm form, CancellationToken cancellationToken)
    {
        var result = new PersonalDataEraseValidator().Validate(form);
        if (!result.IsValid)
        {
            return await ShowAsync(form, result, cancellationToken);
        }

        var counts = await erasure.EraseAsync(form.Email!, form.Reason!, User, cancellationToken);
        TempData[Flash.Success] = counts.Total switch
        {
            0 => "Nothing was held for that address, so nothing was erased",
            1 => "Personal data erased from 1 item",
            var n => $"Personal data erased from {n} items",
        };
        return Redirect(Home);
    }

    /// <summary>The page after a search, or after a refused erase: with the errors (400), and the matches whenever the address itself is fine.</summary>
    private async Task<IActionResult> ShowAsync(PersonalDataForm form, ValidationResult result, CancellationToken cancellationToken)
    {
        result.AddToModelState(ModelState);
        if (!result.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        var matches = ModelState.ErrorFor(nameof(PersonalDataForm.Email)) is null ? await erasure.FindAsync(form.Email!, cancellationToken) : null;
        return View(nameof(Index), new PersonalDataPage(form, matches));
    }
}

public class PersonalDataForm
{
    public string? Email { get; set; }
    public string? Reason { get; set; }
}

/// <summary>The page: the search form, and once searched, what is held and the erase form.</summary>
public record PersonalDataPage(PersonalDataForm Form, List<PersonalDataMatch>? Matches);

public class PersonalDataSearchValidator : AbstractValidator<PersonalDataForm>
{
    public PersonalDataSearchValidator()
    {
        RuleFor(f => f.Email).NotEmpty().WithMessage("Enter the email address to search for")
            .MaximumLength(FieldLengths.Email).WithMessage($"Email address must be {FieldLengths.Email} characters or fewer")
            .NoControlCharacters("Email address")
            .Must(e => e is null || (e.Contains('@') && !e.Any(char.IsWhiteSpace))).WithMessage("Enter an email address in the correct format, like name@example.com");
    }
}

public class PersonalDataEraseValidator : AbstractValidator<PersonalDataForm>
{
    public PersonalDataEraseValidator()
    {
        Include(new PersonalDataSearchValidator());
        RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter the reason for erasing, such as who asked and when")
            .MaximumLength(FieldLengths.Reason).WithMessage($"Reason must be {FieldLengths.Reason} characters or fewer")
            .NoControlCharacters("Reason");
    }
}
