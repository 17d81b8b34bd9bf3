using System.Threading.RateLimiting;
using Gongjiang.Core.Skills;
using Gongjiang.Core.Standards;
using Gongjiang.Web.Features.Registry.Contracts;
using Gongjiang.Web.Platform.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongjiang.Web.Features.Skills;

/// <summary>
/// The answer of the pinned public API <c>GET /api/v1/public/certificates/{number}?name=…</c> (issue 14): status
/// <c>valid</c> or <c>revoked</c>, occupation, level, day of issue, issuing body and the masked name — never the ID number.
/// </summary>
public sealed record PublicCertificate(string Number, string Status, string Occupation, string Level, DateOnly? IssuedOn, string? Issuer, string Name);

/// <summary>
/// Public verification of 职业技能等级证书 by number plus name (issue 14, Deliver 2). An unknown number and a wrong name
/// get the same answer (so the API cannot be used to learn whose a number is); requests are limited per client address
/// (<c>Skills:VerificationsPerMinute</c>, default 30).
/// </summary>
public static class PublicVerification
{
    /// <summary>The rate-limiting policy of the API and the public page.</summary>
    public const string Policy = "skills-verify";

    /// <summary>Looks the certificate up; null when the number is unknown, malformed, not issued by a body or the name differs.</summary>
    public static async Task<PublicCertificate?> VerifyAsync(ISkillCertificateRegistry registry, string? number, string? name, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var parsed = SkillCertificateNumber.Parse(number);
        var given = IdentifierText.Normalize(name);
        if (!parsed.IsValid || given.Length == 0)
        {
            return null;
        }

        var found = await registry.FindPublicAsync(parsed.Value!.Value, ct);
        if (found is null || !string.Equals(IdentifierText.Normalize(found.HolderName), given, StringComparison.Ordinal))
        {
            return null;
        }

        return new PublicCertificate(found.Number, found.RevokedOn is null ? "valid" : "revoked", found.Occupation, SkillLevels.DisplayName(found.Level),
            found.IssuedOn, found.Issuer, MaskName(found.HolderName));
    }

    /// <summary>A name shown publicly: the first character and one * per other character (“李建华” → “李**”).</summary>
    public static string MaskName(string name)
    {
        var text = (name ?? "").Trim();
        var chars = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        var first = chars.MoveNext() ? (string)chars.Current : "";
        var rest = 0;
        while (chars.MoveNext())
        {
            rest++;
        }

        return first + new string('*', Math.Max(rest, 1));
    }

    /// <summary>The link printed as a QR code on the certificate page: the public page with number and name filled in.</summary>
    public static string Link(string number, string holderName) =>
        "/public/certificates?number=" + Uri.EscapeDataString(number) + "&name=" + Uri.EscapeDataString(holderName);

    public static IServiceCollection AddVerificationRateLimit(this IServiceCollection services)
    {
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var permit = configuration.GetValue("Skills:VerificationsPerMinute", 30);
            options.AddPolicy(Policy, new VerificationLimit(permit));
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPublicVerification(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/public/certificates/{number}", Get)
            .WithTags("证书查询")
            .AllowAnonymous()
            .RequireRateLimiting(Policy)
            .WithSummary("按证书编号和持证人姓名核验职业技能等级证书（无需登录）：有效或已撤销、职业、等级、发证日期、发证机构、脱敏姓名；编号不存在与姓名不符答复相同（404）");
        return app;
    }

    private static async Task<Results<Ok<PublicCertificate>, ProblemHttpResult>> Get(string number, [FromQuery] string? name, ISkillCertificateRegistry registry, CancellationToken ct) =>
        await VerifyAsync(registry, number, name, ct) is { } found ? TypedResults.Ok(found) : Problems.NotFound("与该编号和姓名相符的证书");

    private sealed class VerificationLimit(int permit) : IRateLimiterPolicy<string>
    {
        public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
        {
            var response = context.HttpContext.Response;
            const string Message = "证书查询过于频繁，请1分钟后再试。";
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = "60";
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
                await ErrorPage.WriteAsync(response, "请求过于频繁", Message, "/public/certificates", "返回证书查询", ct);
            }
        };

        public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
            RateLimitPartition.GetFixedWindowLimiter("verify:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }
}
