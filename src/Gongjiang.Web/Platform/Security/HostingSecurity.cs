using System.Net;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace Gongjiang.Web.Platform.Security;

/// <summary>
/// Where the platform is reached from outside, from configuration (<c>Platform:PublicBaseUrl</c>, e.g.
/// <c>https://gongjiang.rsj.example.gov.cn</c>): absolute links (the JSON feed, the OpenAPI document) are built from it,
/// never from the request's Host header. Demo mode without it uses the request's own address.
/// </summary>
public sealed class PublicAddress
{
    public const string Key = "Platform:PublicBaseUrl";

    public PublicAddress(IConfiguration configuration) => BaseUrl = Parse(configuration[Key], out _);

    /// <summary>The configured address without a trailing slash, or null when none is configured.</summary>
    public string? BaseUrl { get; }

    /// <summary>The absolute address of a path of the platform (a path starting with /).</summary>
    public string Absolute(HttpRequest request, string path) => (BaseUrl ?? $"{request.Scheme}://{request.Host}") + path;

    /// <summary>An absolute http(s) address with a host and nothing after the path, or null with the problem in Chinese.</summary>
    public static string? Parse(string? value, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = $"未配置 {Key}（平台对外访问地址，如 https://gongjiang.rsj.example.gov.cn）";
            return null;
        }

        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            problem = $"配置项 {Key} 的值“{value}”应为以 https:// 开头的完整地址，如 https://gongjiang.rsj.example.gov.cn";
            return null;
        }

        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}

/// <summary>
/// Host and proxy settings (issue 9, ADR 0004): <c>AllowedHosts</c> must name the platform's host names outside demo
/// mode; behind the TLS-terminating load balancer the client's scheme and address come from X-Forwarded-Proto and
/// X-Forwarded-For, accepted only from <c>ForwardedHeaders:KnownProxies</c> / <c>ForwardedHeaders:KnownNetworks</c>
/// (by default only this machine, loopback), so cookies are Secure, HSTS is sent and the sign-in limit counts each
/// client; a state-changing request a browser sends with our cookies must carry our antiforgery token and must not say
/// it comes from another origin.
/// </summary>
internal static class HostingSecurity
{
    /// <summary>
    /// Checks before serving (the commands need none of it): outside demo mode <c>AllowedHosts</c> may not be empty or
    /// “*”, and <c>Platform:PublicBaseUrl</c> must be an absolute address.
    /// </summary>
    public static void Validate(IConfiguration configuration, PlatformSettings settings)
    {
        var configured = configuration[PublicAddress.Key];
        if (settings.DemoMode)
        {
            if (!string.IsNullOrWhiteSpace(configured) && PublicAddress.Parse(configured, out var demoProblem) is null)
            {
                throw new InvalidOperationException(demoProblem);
            }

            return;
        }

        var hosts = (configuration["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (hosts.Length == 0 || hosts.Contains("*", StringComparer.Ordinal))
        {
            throw new InvalidOperationException("生产环境必须在配置项 AllowedHosts 中列出平台的域名（多个用英文分号分隔，如 gongjiang.rsj.example.gov.cn），不能为 *：否则请求可以冒用任意主机名。");
        }

        if (PublicAddress.Parse(configured, out var problem) is null)
        {
            throw new InvalidOperationException(problem + "；生产环境必须配置，订阅和接口文档中的完整链接由它生成。");
        }
    }

    public static IServiceCollection AddHostingSecurity(this IServiceCollection services)
    {
        services.AddSingleton<PublicAddress>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, configuration) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = Math.Clamp(configuration.GetValue("ForwardedHeaders:ForwardLimit", 1), 1, 10);
            var proxies = Values(configuration, "ForwardedHeaders:KnownProxies");
            var networks = Values(configuration, "ForwardedHeaders:KnownNetworks");
            if (proxies.Count == 0 && networks.Count == 0)
            {
                return; // ASP.NET Core's default: loopback only (a proxy on this machine)
            }

            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"配置项 ForwardedHeaders:KnownProxies 中的“{proxy}”不是 IP 地址"));
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"配置项 ForwardedHeaders:KnownNetworks 中的“{network}”不是网段（如 10.0.0.0/8）"));
            }
        });
        services.Configure<HstsOptions>(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // The OpenAPI document names the configured address as its server, not the Host of the request that fetched it.
        services.AddOptions<OpenApiOptions>("v1").Configure<PublicAddress>((o, address) => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Servers = [address.BaseUrl is { } url ? new OpenApiServer { Url = url } : new OpenApiServer { Url = "/", Description = "本站（演示模式，未配置 Platform:PublicBaseUrl）" }];
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>A list from configuration: one value separated by ; or , or an array section.</summary>
    private static List<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        return [.. (section.Value ?? "").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0))];
    }

    /// <summary>
    /// Defence in depth against cross-site requests: a state-changing request without a bearer token (so one a browser
    /// may send with our cookies) whose Origin — or, without one, Referer — names another origin is refused with 403.
    /// Requests that name no origin (API clients, some privacy settings) are left to the antiforgery token.
    /// </summary>
    public static IApplicationBuilder UseSameOriginForms(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if ((HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsPatch(request.Method)) &&
            !request.Headers.ContainsKey(HeaderNames.Authorization) && !FromOwnOrigin(context))
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HostingSecurity))
                .LogWarning("Cross-site {Method} {Path} refused (Origin {Origin}, Referer {Referer})", request.Method, request.Path, request.Headers.Origin.ToString(), request.Headers.Referer.ToString());
            await RefuseAsync(context, StatusCodes.Status403Forbidden, "跨站请求被拒绝", "该操作须从本平台自己的页面提交，来自其他网站的跨站请求已被拒绝。请打开本平台重新操作。");
            return;
        }

        await next(context);
    });

    /// <summary>
    /// Enforces antiforgery for every endpoint that asks for it. The antiforgery middleware only records the result;
    /// endpoints that read their form themselves (the upload, logout) would otherwise never look at it.
    /// </summary>
    public static IApplicationBuilder UseAntiforgeryEnforcement(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>() is { RequiresValidation: true } &&
            context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            await RefuseAsync(context, StatusCodes.Status400BadRequest, "请求无效", "提交的内容无法处理：页面可能已过期、表单已被改动，或上传的文件超过大小上限。请返回重新操作。");
            return;
        }

        await next(context);
    });

    private static bool FromOwnOrigin(HttpContext context)
    {
        var request = context.Request;
        var claimed = request.Headers.Origin.ToString();
        if (claimed.Length == 0)
        {
            var referer = request.Headers.Referer.ToString();
            if (referer.Length == 0)
            {
                return true;
            }

            claimed = referer;
        }

        if (!Uri.TryCreate(claimed, UriKind.Absolute, out var origin) || origin.Scheme is not ("http" or "https"))
        {
            return false; // "null" (sandboxed or cross-origin redirects) and anything unreadable
        }

        var own = new List<string> { $"{request.Scheme}://{request.Host}" };
        if (context.RequestServices.GetRequiredService<PublicAddress>().BaseUrl is { } configured)
        {
            own.Add(configured);
        }

        return own.Any(o => Uri.TryCreate(o, UriKind.Absolute, out var mine) &&
            string.Equals(mine.GetLeftPart(UriPartial.Authority), origin.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase));
    }

    private static async Task RefuseAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await Results.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail }).ExecuteAsync(context);
            return;
        }

        await ErrorPage.WriteAsync(context.Response, title, detail, context.RequestAborted);
    }
}
