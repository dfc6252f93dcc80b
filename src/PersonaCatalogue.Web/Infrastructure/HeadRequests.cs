using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Routing;

namespace PersonaCatalogue.Web.Infrastructure;

/// <summary>
/// MVC's <c>[HttpGet]</c> does not answer HEAD (405), which link checkers and monitors send. This convention lets
/// every GET action answer HEAD too; the server sends the headers of the GET without its body.
/// </summary>
public sealed class HeadWithGetConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        foreach (var selector in action.Selectors)
        {
            var constraint = selector.ActionConstraints.OfType<HttpMethodActionConstraint>().FirstOrDefault();
            if (constraint is null || !constraint.HttpMethods.Contains(HttpMethods.Get) || constraint.HttpMethods.Contains(HttpMethods.Head))
            {
                continue;
            }

            string[] methods = [.. constraint.HttpMethods, HttpMethods.Head];
            selector.ActionConstraints[selector.ActionConstraints.IndexOf(constraint)] = new HttpMethodActionConstraint(methods);
            for (var i = 0; i < selector.EndpointMetadata.Count; i++)
            {
                if (selector.EndpointMetadata[i] is HttpMethodMetadata metadata)
                {
                    selector.EndpointMetadata[i] = new HttpMethodMetadata(methods, metadata.AcceptCorsPreflight);
                }
            }
        }
    }
}

public static class HeadRequests
{
    /// <summary>The same for endpoints outside MVC (the OpenAPI document): a GET endpoint answers HEAD too.</summary>
    public static TBuilder AlsoAnswerHead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } methods
                && methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
            }
        });
        return builder;
    }
}
