using Gongjiang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gongjiang.Web.Tests.Security;

/// <summary>
/// Issue 9, finding 2, as an architecture rule: every endpoint of the running application that changes state
/// (POST, PUT, DELETE, PATCH) and that a browser's cookie can reach requires the antiforgery token. An endpoint is out
/// of a cookie's reach when it authenticates by bearer token only. The few anonymous JSON endpoints are listed with
/// the reason a cross-site page cannot use them.
/// </summary>
public sealed class AntiforgeryCoverageTests : IDisposable
{
    /// <summary>Anonymous endpoints that read only JSON: a cross-site form cannot send JSON, a cross-site script is stopped by CORS.</summary>
    private static readonly Dictionary<string, string> JsonOnly = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/auth/token"] = "sign-in for API clients: answers with a bearer token in the body, sets no cookie",
        ["POST /api/v1/public/publications/{id:guid}/objections"] = "an objection (异议) filed by the public, anonymous and rate-limited; the page form has its token",
    };

    /// <summary>Routes mapped for every method that change nothing.</summary>
    private static readonly Dictionary<string, string> Harmless = new(StringComparer.Ordinal)
    {
        ["/health/live"] = "liveness probe: answers the same to any method and changes nothing",
        ["/health/ready"] = "readiness probe: answers the same to any method and changes nothing",
    };

    private static readonly string[] Unsafe = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch];

    private readonly TestApp _app = new(Gongjiang.Web.Platform.Data.DatabaseProvider.Sqlite);

    [Fact]
    public void Every_state_changing_endpoint_a_cookie_can_reach_requires_the_antiforgery_token()
    {
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var unprotected = new List<string>();
        var protectedCount = 0;
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var declared = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var methods = declared is null || declared.Count == 0 ? Unsafe : declared.Where(m => Unsafe.Contains(m, StringComparer.OrdinalIgnoreCase)).ToArray();
            if (methods.Length == 0 || BearerOnly(endpoint))
            {
                continue;
            }

            if (endpoint.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true })
            {
                protectedCount++;
                continue;
            }

            foreach (var method in methods)
            {
                var key = method + " " + pattern;
                var jsonOnly = JsonOnly.ContainsKey(key) &&
                    endpoint.Metadata.GetOrderedMetadata<IAcceptsMetadata>().SelectMany(a => a.ContentTypes).All(t => t.StartsWith("application/json", StringComparison.OrdinalIgnoreCase));
                if (!jsonOnly && !Harmless.ContainsKey(pattern))
                {
                    unprotected.Add(key);
                }
            }
        }

        Assert.Empty(unprotected);
        Assert.True(protectedCount >= 10, $"only {protectedCount} protected endpoints found: are the pages mapped?");
    }

    /// <summary>Authorized by the bearer scheme only: the authorization middleware then sees no cookie identity.</summary>
    private static bool BearerOnly(RouteEndpoint endpoint)
    {
        var schemes = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Where(a => !string.IsNullOrEmpty(a.AuthenticationSchemes))
            .SelectMany(a => a.AuthenticationSchemes!.Split(',', StringSplitOptions.TrimEntries))
            .ToList();
        return endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && schemes.Count > 0 && schemes.All(s => s == IdentityConstants.BearerScheme);
    }

    public void Dispose() => _app.Dispose();
}
