using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongjiang.Web.Platform.Security;

/// <summary>
/// Limits sign-in attempts per client address on every sign-in path (page, second factor, token API), and objections
/// (异议) filed by the public, answering 429 with a Chinese message. Configuration:
/// <c>Security:SignInAttemptsPerMinute</c> (default 10), <c>Security:ObjectionsPerHour</c> (default 20).
/// </summary>
internal static class SignInRateLimit
{
    /// <summary>
    /// A post to any sign-in step: the password page, every later step under the same prefix (the second factor's
    /// <c>/account/login-2fa</c>) and the token API (password and code in one request). Partitioned by the client's
    /// address — behind the TLS-terminating proxy, the address it forwards (<see cref="HostingSecurity"/>).
    /// </summary>
    public static bool IsSignInRequest(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) &&
        ((request.Path.Value ?? "").StartsWith("/account/login", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/api/v1/auth/token", StringComparison.OrdinalIgnoreCase));

    /// <summary>A public objection form or API post (anonymous writes, so limited per address).</summary>
    public static bool IsObjectionRequest(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) &&
        (request.Path.StartsWithSegments("/api/v1/public/publications", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/public/publications", StringComparison.OrdinalIgnoreCase)) &&
        (request.Path.Value ?? "").Contains("/objection", StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var permit = configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
            var objections = configuration.GetValue("Security:ObjectionsPerHour", 20);
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsSignInRequest(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : IsObjectionRequest(context.Request)
                        ? RateLimitPartition.GetFixedWindowLimiter(
                            "objection:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                            _ => new FixedWindowRateLimiterOptions { PermitLimit = objections, Window = TimeSpan.FromHours(1), QueueLimit = 0 })
                        : RateLimitPartition.GetNoLimiter("other"));
            options.OnRejected = async (context, ct) =>
            {
                var response = context.HttpContext.Response;
                var objection = IsObjectionRequest(context.HttpContext.Request);
                var message = objection ? "提交异议过于频繁，请1小时后再试；如有紧急情况请致电公示机关。" : "登录尝试过于频繁，请1分钟后再试。";
                response.Headers.RetryAfter = objection ? "3600" : "60";
                if (context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    response.ContentType = "application/problem+json";
                    await response.WriteAsJsonAsync(new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "请求过于频繁",
                        Detail = message,
                        Type = "https://tools.ietf.org/html/rfc6585#section-4",
                    }, options: null, contentType: "application/problem+json", cancellationToken: ct);
                }
                else
                {
                    await Api.ErrorPage.WriteAsync(response, "请求过于频繁", message,
                        objection ? "/public/publications" : "/account/login", objection ? "返回公示名单" : "返回登录", ct);
                }
            };
        });
        services.AddRateLimiter(_ => { });
        return services;
    }
}
