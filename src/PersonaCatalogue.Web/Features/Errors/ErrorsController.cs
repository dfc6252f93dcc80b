using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
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
    public IActionResult ServerError()
    {
        if (TransportSecurity.IsPlainHttpAntiforgeryFailure(HttpContext, HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("HttpsRequired");
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
