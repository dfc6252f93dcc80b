using Microsoft.AspNetCore.Mvc;

namespace PersonaCatalogue.Web.Features.Errors;

/// <summary>Friendly error pages, reached by re-execution from the status code and exception middleware.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public class ErrorsController : Controller
{
    [Route("/error")]
    public IActionResult ServerError()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("ServerError");
    }

    [Route("/error/{code:int}")]
    public IActionResult Status(int code)
    {
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
