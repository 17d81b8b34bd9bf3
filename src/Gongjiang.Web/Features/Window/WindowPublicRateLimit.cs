using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongjiang.Web.Features.Window;

/// <summary>
/// The public progress query (办件进度查询) is limited per client address like the public objection form, so receipt
/// numbers and names cannot be tried in bulk. Configuration: <c>Window:PublicQueriesPerHour</c> (default 30).
/// </summary>
internal sealed class WindowPublicRateLimit(IConfiguration configuration) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "window-public-progress";

    public const string Message = "查询过于频繁，请1小时后再试；如需帮助请联系办理窗口。";

    private readonly int _permit = configuration.GetValue("Window:PublicQueriesPerHour", 30);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => async (context, ct) =>
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = "3600";
        if (context.HttpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await response.WriteAsJsonAsync(new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "请求过于频繁",
                Detail = Message,
                Type = "https://tools.ietf.org/html/rfc6585#section-4",
            }, options: null, contentType: "application/problem+json", cancellationToken: ct);
        }
        else
        {
            response.ContentType = "text/html; charset=utf-8";
            await response.WriteAsync("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请求过于频繁 - 工匠平台</title></head><body><main><h1>请求过于频繁</h1><p>" +
                Message + "</p><p><a href=\"/\">返回首页</a></p></main></body></html>", ct);
        }
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetFixedWindowLimiter("window-public:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = _permit, Window = TimeSpan.FromHours(1), QueueLimit = 0 });
}
