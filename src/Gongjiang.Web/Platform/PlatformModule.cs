using System.Security.Claims;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Identity;
using Gongjiang.Web.Platform.Jobs;
using Gongjiang.Web.Platform.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Gongjiang.Web.Platform;

/// <summary>Composition of the platform: data, identity, access, audit, security, API conventions, UI shell.</summary>
internal static class PlatformModule
{
    public static void AddGongjiangPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<HttpCurrentActor>();
        services.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<HttpCurrentActor>());
        services.AddGongjiangDatabase();
        services.AddJobs(builder.Configuration);

        services.AddDataProtection()
            .SetApplicationName("Gongjiang")
            .PersistKeysToDbContext<GongjiangDbContext>();
        services.AddDataProtectionCertificate();

        // Identity: 等保 2.0 三级 身份鉴别 and 登录失败处理.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = ThreeClassPasswordValidator.MinimumLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GongjiangDbContext>()
            .AddSignInManager<GongjiangSignInManager>()
            .AddUserManager<GongjiangUserManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddPasswordValidator<ThreeClassPasswordValidator>()
            .AddClaimsPrincipalFactory<GongjiangClaimsFactory>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.Events.OnMessageReceived = SessionStore.ValidateBearerAsync; // server-side sessions (ADR 0004)
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure<IConfiguration>((o, configuration) =>
            {
                var idleMinutes = configuration.GetValue("Security:IdleTimeoutMinutes", 30);
                o.Cookie.Name = "gongjiang.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(idleMinutes);
                o.SlidingExpiration = true;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/access-denied";
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = SessionStore.ValidateCookieAsync; // server-side sessions (ADR 0004)
            }));
        services.AddGongjiangSessions();
        services.AddHostingSecurity();

        services.AddAuthorizationBuilder()
            .AddPolicy(Permissions.SignedIn, p => p.RequireAuthenticatedUser());
        foreach (var (permission, roles) in Permissions.Grants)
        {
            services.AddAuthorizationBuilder().AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireClaim(GongjiangClaims.Role, roles));
        }

        services.AddSignInRateLimit();
        services.AddAntiforgery(o => o.Cookie.Name = "gongjiang.af");

        services.AddProblemDetails();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<GongjiangExceptionHandler>();
        services.AddOpenApi("v1", o => OpenApiConventions.Apply(o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info = new OpenApiInfo
            {
                Title = "工匠平台 API",
                Version = "v1",
                Description = "提高技术工人待遇政策落实平台的开放接口。除公开接口外，须先调用 POST /api/v1/auth/token 取得令牌，并以 Authorization: Bearer <令牌> 访问。",
            };
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "POST /api/v1/auth/token 返回的 accessToken",
            };
            return Task.CompletedTask;
        })));

        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddRazorComponents();

        // Chinese text is written as is, not as &#x…; entities (pages a third of the size); markup characters are
        // still encoded.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
    }

    public static void UseGongjiangPlatform(this WebApplication app)
    {
        app.UseForwardedHeaders(); // the client's scheme and address from a configured proxy only (HostingSecurity)
        app.UseExceptionHandler();

        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                (string Title, string Detail)? page = http.Response.StatusCode switch
                {
                    StatusCodes.Status400BadRequest => ("请求无效", "提交的内容无法处理（页面可能已过期或表单已被改动），请返回重新操作。"),
                    StatusCodes.Status404NotFound => ("页面不存在", "您访问的页面不存在。"),
                    StatusCodes.Status405MethodNotAllowed => ("请求方法不支持", "该页面不支持此操作。"),
                    _ => null,
                };
                if (page is { } p)
                {
                    await ErrorPage.WriteAsync(http.Response, p.Title, p.Detail, http.RequestAborted);
                }

                return;
            }

            (string Title, string Detail)? text = http.Response.StatusCode switch
            {
                StatusCodes.Status400BadRequest => ("请求格式有误", "请求的内容无法解析，请检查格式后重试。"),
                StatusCodes.Status401Unauthorized => ("需要登录", "请先通过 POST /api/v1/auth/token 取得令牌，并以 Authorization: Bearer <令牌> 访问。"),
                StatusCodes.Status403Forbidden => ("无权访问", "您的角色无权使用该接口。"),
                StatusCodes.Status404NotFound => ("未找到", "没有这个接口地址，请查阅 /openapi/v1.json。"),
                StatusCodes.Status405MethodNotAllowed => ("不支持的请求方法", "该接口不支持此请求方法。"),
                StatusCodes.Status415UnsupportedMediaType => ("不支持的内容类型", "请以 application/json 提交。"),
                _ => null,
            };
            if (text is { } t)
            {
                await Results.Problem(new ProblemDetails { Status = http.Response.StatusCode, Title = t.Title, Detail = t.Detail }).ExecuteAsync(http);
            }
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseSameOriginForms();
        app.MapStaticAssets();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseAntiforgeryEnforcement();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/scalar", ApiReference.Configure).AllowAnonymous();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }

    /// <summary>The API answers 401/403 as problem+json; pages redirect to sign-in.</summary>
    private static Task ApiAware(HttpContext context, string redirectUri, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return context.Response.WriteAsJsonAsync(new ProblemDetails
            {
                Status = status,
                Title = status == 401 ? "需要登录" : "无权访问",
                Detail = status == 401 ? "请先通过 POST /api/v1/auth/token 取得令牌。" : "您的角色无权使用该接口。",
            }, options: null, contentType: "application/problem+json");
        }

        context.Response.Redirect(redirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Route group for an authenticated API area: bearer tokens only (no cookies, so no CSRF), one policy.</summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag, string policy, string? tagDescription = null)
    {
        if (tagDescription is not null)
        {
            OpenApiConventions.DescribeTag(tag, tagDescription);
        }

        return app.MapGroup("/api/v1/" + prefix)
            .WithTags(tag)
            .RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { AuthenticationSchemes = IdentityConstants.BearerScheme, Policy = policy })
            .DisableAntiforgery();
    }

    /// <summary>The claims principal of a bearer request, for handlers that need more than the actor.</summary>
    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);
}

internal sealed class DatabaseHealthCheck(GongjiangDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy("数据库可用")
                : HealthCheckResult.Unhealthy("数据库无法连接");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("数据库无法连接", ex);
        }
    }
}
