using Gongjiang.Web.Platform.Access;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Gongjiang.Web.Platform.Api;

/// <summary>
/// Turns unhandled exceptions into Chinese responses without stack traces: problem+json for the API, the error
/// page for pages. A write outside the actor's scope becomes 403 and is audited as a denied attempt.
/// </summary>
internal sealed class GongjiangExceptionHandler(IServiceScopeFactory scopes, ILogger<GongjiangExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var isApi = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        if (exception is ScopeViolationException violation)
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GongjiangDbContext>();
                await db.RecordAsync(new AuditEvent(AuditActions.Denied, violation.EntityType, violation.EntityId, AuditOutcomes.Denied,
                    $"{context.Request.Method} {context.Request.Path}"), cancellationToken);
            }

            return await Write(context, isApi, StatusCodes.Status403Forbidden, "无权访问", "该记录不在您的管辖范围内，操作已被拒绝并记录。", cancellationToken);
        }

        if (exception is BadHttpRequestException bad)
        {
            return await Write(context, isApi, bad.StatusCode, "请求格式有误", "请求的内容无法解析，请检查格式后重试。", cancellationToken);
        }

        if (IsQueryBindingFailure(exception))
        {
            return await Write(context, isApi, StatusCodes.Status400BadRequest, "查询参数有误",
                "网址中的查询参数格式不正确（如页码应为数字、是否类条件应为 true 或 false），请修改后重试。", cancellationToken);
        }

        logger.LogError(exception, "Unhandled exception on {Path}", context.Request.Path);
        return await Write(context, isApi, StatusCodes.Status500InternalServerError, "服务器内部错误",
            "处理请求时发生错误，已记录。请稍后重试，或联系系统管理员。", cancellationToken);
    }

    /// <summary>
    /// A page's [SupplyParameterFromQuery] value that cannot be parsed (e.g. <c>?page=abc</c>): Blazor throws while
    /// binding, before any page code runs. That is bad input, not a server error.
    /// </summary>
    private static bool IsQueryBindingFailure(Exception exception) =>
        exception is InvalidOperationException &&
        exception.Message.StartsWith("Cannot parse the value", StringComparison.Ordinal) &&
        new System.Diagnostics.StackTrace(exception).GetFrames().Any(f =>
            f.GetMethod()?.DeclaringType?.FullName?.StartsWith("Microsoft.AspNetCore.Components", StringComparison.Ordinal) == true);

    private static async ValueTask<bool> Write(HttpContext context, bool isApi, int status, string title, string detail, CancellationToken ct)
    {
        context.Response.StatusCode = status;
        if (isApi)
        {
            await context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail },
                options: null, contentType: "application/problem+json", cancellationToken: ct);
            return true;
        }

        await ErrorPage.WriteAsync(context.Response, title, detail, ct);
        return true;
    }
}

/// <summary>
/// The Chinese error page for page requests, written where the Razor pages cannot render (errors, status codes of
/// unknown addresses, rate limits): the same header and menu as every page (<see cref="Ui.ErrorDocument"/>).
/// </summary>
internal static class ErrorPage
{
    public static Task WriteAsync(HttpResponse response, string title, string detail, CancellationToken ct) =>
        WriteAsync(response, title, detail, null, null, ct);

    /// <summary>The page with a link back (e.g. “返回登录”) besides 返回首页.</summary>
    public static async Task WriteAsync(HttpResponse response, string title, string detail, string? backHref, string? backText, CancellationToken ct)
    {
        var context = response.HttpContext;
        response.ContentType = "text/html; charset=utf-8";
        var actor = Identity.Actor.FromPrincipal(context.User);
        (string Field, string Value)? token = null;
        if (actor.IsAuthenticated && !response.HasStarted)
        {
            try
            {
                var tokens = context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Antiforgery.IAntiforgery>().GetAndStoreTokens(context);
                token = tokens.RequestToken is { } value ? (tokens.FormFieldName, value) : null;
            }
            catch (InvalidOperationException)
            {
                // No sign-out button then; the rest of the page still renders.
            }
        }

        var parameters = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [nameof(Ui.ErrorDocument.Title)] = title,
            [nameof(Ui.ErrorDocument.Detail)] = detail,
            [nameof(Ui.ErrorDocument.Actor)] = actor,
            [nameof(Ui.ErrorDocument.CurrentPath)] = context.Request.Path.Value,
            [nameof(Ui.ErrorDocument.RequestToken)] = token,
            [nameof(Ui.ErrorDocument.BackHref)] = backHref,
            [nameof(Ui.ErrorDocument.BackText)] = backText,
        };
        await using var renderer = new Microsoft.AspNetCore.Components.Web.HtmlRenderer(context.RequestServices, context.RequestServices.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<Ui.ErrorDocument>(Microsoft.AspNetCore.Components.ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
        await response.WriteAsync(html, ct);
    }
}
