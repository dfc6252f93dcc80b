using Microsoft.AspNetCore.Mvc;

namespace PersonaCatalogue.Web.Features.Errors;

/// <summary>Friendly error pages, reached by re-execution from the status code and exception middleware.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
// A refused POST is re-executed here as a POST; checking its antiforgery token again would refuse the error page too.
[IgnoreAntiforgeryToken]
public class ErrorsController : Controller
{
    [Route("/error")]
    public IActionResult ServerError()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("ServerError");
    }

    [Route("/error/{code:int}")]
    public IActionResult Status()
    {
        // Read from the route rather than bound as a parameter: binding would also read the form of a re-executed POST,
        // and a form the server refused (one holding a NUL character, say) would then fail again, as a 500.
        var code = int.Parse((string)RouteData.Values["code"]!, System.Globalization.CultureInfo.InvariantCulture);
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
