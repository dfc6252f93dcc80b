using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using PersonaCatalogue.Web.Infrastructure;

namespace PersonaCatalogue.Web.Features.Errors;

/// <summary>Friendly error pages, reached by re-execution from the status code and exception middleware.</summary>
/// <remarks>
/// A refused POST (too large, too many, bad token) is re-executed here as a POST. These actions must never read its
/// body, which may be over the limit or unreadable: so no antiforgery check (the pages change nothing) and no bound
/// parameters (binding reads the form).
/// </remarks>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken]
public class ErrorsController : Controller
{
    [Route("/error")]
    public IActionResult ServerError([FromServices] DatabaseOutage outage, [FromServices] IAntiforgery antiforgery)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (TransportSecurity.IsPlainHttpAntiforgeryFailure(HttpContext, failure?.Error))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("HttpsRequired");
        }

        if (failure is not null && DatabaseOutage.IsUnavailable(failure.Error))
        {
            outage.Report(failure.Error, failure.Path);
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return View("Unavailable", UnavailablePage.For(HttpContext, failure.Path, antiforgery));
        }

        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("ServerError");
    }

    [Route("/error/{code:int}")]
    public IActionResult Status()
    {
        var code = Convert.ToInt32(RouteData.Values["code"], CultureInfo.InvariantCulture);
        Response.StatusCode = code;
        return code switch
        {
            StatusCodes.Status404NotFound => View("NotFound"),
            StatusCodes.Status429TooManyRequests => View("TooManyRequests"),
            StatusCodes.Status413PayloadTooLarge => View("TooLarge"),
            StatusCodes.Status400BadRequest => View("BadRequest"),
            >= 500 => View("ServerError"),
            _ => View("Problem", code),
        };
    }
}

/// <summary>
/// "Try again later", and for a form that could not be saved, the person's answers kept in a form that sends them
/// again, so nothing they typed is lost.
/// </summary>
public record UnavailablePage(string? RetryAction, string? RequestToken, IReadOnlyList<KeyValuePair<string, string>> Answers)
{
    public static UnavailablePage For(HttpContext context, string path, IAntiforgery antiforgery)
    {
        // Only a form already read by the failed request (the body is never read here: it may be unreadable).
        if (!HttpMethods.IsPost(context.Request.Method) || context.Features.Get<IFormFeature>()?.Form is not { } form)
        {
            return new UnavailablePage(null, null, []);
        }

        var answers = form
            .Where(field => field.Key != "__RequestVerificationToken")
            .SelectMany(field => field.Value.Select(value => new KeyValuePair<string, string>(field.Key, value ?? "")))
            .ToList();
        try
        {
            return new UnavailablePage(path + context.Request.QueryString, antiforgery.GetAndStoreTokens(context).RequestToken, answers);
        }
        catch (Exception)
        {
            // Without a token (its keys come from the database) the answers cannot be sent again from here.
            return new UnavailablePage(null, null, []);
        }
    }
}
