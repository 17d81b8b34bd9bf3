using System.Threading.RateLimiting;
using Gongjiang.Core.Leave;
using Gongjiang.Web.Platform.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Gongjiang.Web.Features.Leave.Calculator;

/// <summary>Configuration of the leave module (section <c>Leave</c>).</summary>
public sealed class LeaveOptions
{
    /// <summary><c>Leave:CalculationsPerMinute</c>: calculations (API or page) one client address may submit a minute (default 60; beyond → 429).</summary>
    public int CalculationsPerMinute { get; set; } = 60;
}

/// <summary>
/// The public calculator is anonymous, so it is limited per client address like the platform's other public writes
/// (objections, sign-in): <c>Leave:CalculationsPerMinute</c> posts a minute, then 429 with a Chinese message (problem+json
/// for the API, a page for the form). Reading the page is not limited.
/// </summary>
internal sealed class CalculatorRateLimitPolicy(IOptions<LeaveOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "leave-calculator";

    private const string Message = "计算请求过于频繁，请1分钟后再试。";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("leave-calculator:read");
        }

        var permit = Math.Max(1, options.Value.CalculationsPerMinute);
        return RateLimitPartition.GetFixedWindowLimiter(
            "leave-calculator:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
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
            return;
        }

        await ErrorPage.WriteAsync(response, "请求过于频繁", Message, ct);
    }
}

/// <summary><c>POST /api/v1/leave/annual/calculate</c>: the public calculator (no sign-in), pinned by issue 16.</summary>
internal static class CalculatorApi
{
    public const string Tag = "带薪年休假";

    public static IEndpointRouteBuilder MapLeaveCalculator(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/leave/annual/calculate", CalculateAsync)
            .WithTags(Tag)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(CalculatorRateLimitPolicy.Name)
            .Accepts<AnnualLeaveRequest>("application/json")
            .Produces<AnnualLeaveResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("带薪年休假计算器（无需登录）：按《职工带薪年休假条例》《企业职工带薪年休假实施办法》计算应休天数、应休未休天数、日工资和应另付的未休年休假工资报酬，并逐步列出依据")
            .WithDescription("请求：{\"year\":2026,\"firstWorkDate\":\"YYYY-MM-DD\",\"hireDate\":\"YYYY-MM-DD\"|null,\"leaveDate\":\"YYYY-MM-DD\"|null,\"sickLeaveMonths\":0," +
                "\"personalLeaveDays\":0,\"personalLeaveWagesDeducted\":true,\"vacationDays\":0,\"daysTaken\":0,\"averageMonthlyWage\":8000.00}。" +
                "firstWorkDate 为参加工作日期（按连续工作计算累计工作年限）；hireDate 仅在计算年度内进入本单位时填写；leaveDate 仅在计算年度内离职时填写。" +
                "答复：{\"entitledDays\",\"reason\"（应休天数为0时的原因）,\"untakenDays\",\"dailyWage\",\"compensation\"（应休未休天数按日工资200%另付，元，两位小数）,\"trace\"（每一步及其条款）}。" +
                "字段有误时答复400，errors 以字段名为键给出中文说明。每个地址每分钟可计算的次数有限（Leave:CalculationsPerMinute，默认60），超出答复429。");
        return app;
    }

    private static async Task<IResult> CalculateAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
        {
            // Only JSON: a cross-site form (which cannot send JSON) never reaches the calculator.
            var errors = new FieldErrors();
            errors.Add(AnnualLeaveRequestReader.BodyField, "请以 JSON 提交计算条件（Content-Type: application/json）");
            return Problems.Validation(errors);
        }

        var (body, tooLarge) = await ReadBodyAsync(request, ct);
        if (tooLarge)
        {
            var errors = new FieldErrors();
            errors.Add(AnnualLeaveRequestReader.BodyField, $"请求体超过{AnnualLeaveRequestReader.MaxBodyBytes / 1024}KB，请只提交计算所需的字段");
            return Problems.Validation(errors);
        }

        var (input, fieldErrors) = AnnualLeaveRequestReader.ReadJson(body);
        if (input is null)
        {
            return Problems.Validation(fieldErrors);
        }

        var calculation = AnnualLeaveCalculator.Calculate(input);
        if (!calculation.IsValid)
        {
            var errors = new FieldErrors();
            foreach (var error in calculation.Errors)
            {
                errors.Add(error.Field, error.Message);
            }

            return Problems.Validation(errors);
        }

        return TypedResults.Ok(AnnualLeaveResponse.From(calculation.Result!));
    }

    private static async Task<(ReadOnlyMemory<byte> Body, bool TooLarge)> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > AnnualLeaveRequestReader.MaxBodyBytes)
        {
            return (default, true);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > AnnualLeaveRequestReader.MaxBodyBytes)
            {
                return (default, true);
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), ct);
        }

        return (buffer.ToArray(), false);
    }
}
