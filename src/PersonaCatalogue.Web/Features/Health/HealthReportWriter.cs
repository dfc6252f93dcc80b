using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PersonaCatalogue.Core.Data.Entities;

namespace PersonaCatalogue.Web.Features.Health;

/// <summary>
/// Writes <c>/health</c> as JSON: the overall status for anyone (a load balancer needs no more), and the state of each
/// dependency with its reason only for staff and for callers on the machine itself, because a failure's text can name
/// hosts, ports and user names.
/// </summary>
public static class HealthReportWriter
{
    public static readonly HealthCheckOptions Options = new()
    {
        ResponseWriter = WriteAsync,
    };

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        if (!MaySeeDetails(context))
        {
            return JsonSerializer.SerializeAsync(context.Response.Body, new { status = report.Status.ToString() });
        }

        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
            }),
        });
    }

    /// <summary>
    /// Staff, or a caller on loopback. No remote address at all means no network peer (the in-process test host, a
    /// Unix socket). Behind a proxy this is the forwarded client address when <c>ForwardedHeaders:Enabled</c> is on.
    /// </summary>
    private static bool MaySeeDetails(HttpContext context) =>
        context.User.IsInRole(StaffRoles.Moderator) || context.User.IsInRole(StaffRoles.Administrator)
        || context.Connection.RemoteIpAddress is not { } address || System.Net.IPAddress.IsLoopback(address);
}
