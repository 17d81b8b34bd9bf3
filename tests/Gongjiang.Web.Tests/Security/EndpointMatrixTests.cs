using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongjiang.Core.Access;
using Gongjiang.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Gongjiang.Web.Tests.Security;

/// <summary>
/// Issue 9, item 7: the role × jurisdiction × endpoint matrix. The endpoints are the application's own, found at run
/// time (every API endpoint of the OpenAPI document and every page route, and every other route), never listed by
/// hand: an endpoint added later is called by the next run. Each route parameter is filled with a record of 深圳 and
/// then of 广州, made by their clerks; every demo role and the anonymous public call every endpoint, and:
/// no answer is a server error; no answer carries a marker of a record outside the actor's scope; the anonymous public
/// gets 401 (API) or the sign-in page; a role without the permission gets 403 (API) or the access-denied page; a role
/// with the permission gets no 2xx for another jurisdiction's record; a cookie never opens the API; a form post
/// without the antiforgery token is refused. A route parameter the matrix cannot fill fails the run, naming it —
/// teach <see cref="KindOf"/> the parameter, or list the endpoint in <see cref="NotCalled"/> with the reason.
/// </summary>
public abstract class EndpointMatrixTests(MatrixFixture fixture)
{
    /// <summary>Endpoints the matrix does not call, each with its reason. Keep it small.</summary>
    public static readonly IReadOnlyDictionary<string, string> NotCalled = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/{**path:file}"] = "the framework's static-file fallback (wwwroot): serves files only, no records; its catch-all has nothing to fill",
    };

    public static TheoryData<string> Actors => new(MatrixFixture.ActorNames);

    private static readonly string[] Unsafe = [HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch];

    [Theory]
    [MemberData(nameof(Actors))]
    public async Task Every_endpoint_answers_the_actor_only_within_its_scope(string actorName)
    {
        var actor = fixture.Actors[actorName];
        var failures = new List<string>();
        var calls = 0;
        foreach (var endpoint in fixture.Endpoints)
        {
            var pattern = Pattern(endpoint);
            if (IsStaticAsset(endpoint) || NotCalled.ContainsKey(pattern))
            {
                continue;
            }

            foreach (var method in Methods(endpoint))
            {
                var checkedCookieOnApi = false;
                foreach (var side in fixture.Sides.Values)
                {
                    var (path, kinds, problem) = Fill(endpoint.RoutePattern, side);
                    if (problem is not null)
                    {
                        failures.Add($"{method} {pattern}: {problem}");
                        break;
                    }

                    calls++;
                    var call = new Call(method, pattern, path, endpoint, side, kinds);
                    failures.AddRange(await CheckAsync(actor, call));
                    if (!checkedCookieOnApi && call.IsApi && !IsPublic(endpoint) && actor.Cookie is not null)
                    {
                        checkedCookieOnApi = true;
                        using var cookieOnly = Request(call);
                        var response = await actor.Cookie.SendAsync(cookieOnly);
                        if (response.StatusCode != HttpStatusCode.Unauthorized)
                        {
                            failures.Add($"{call.Method} {call.Path}: a cookie alone opened the API ({(int)response.StatusCode})");
                        }
                    }

                    if (!kinds.Any(IsSideDependent))
                    {
                        break;
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{actorName}: {failures.Count} of {calls} calls broke the rules:\n" + string.Join("\n", failures.Distinct(StringComparer.Ordinal)));
        Assert.True(calls > 100, $"only {calls} calls: the endpoint list was not found");
    }

    [Fact]
    public async Task Every_OpenAPI_operation_and_every_page_is_in_the_matrix()
    {
        using var client = fixture.App.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var routes = fixture.Endpoints.Where(e => !IsStaticAsset(e)).Select(e => (Path: Normalize(Pattern(e)), Methods: Methods(e))).ToList();
        var missing = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var method = operation.Name.ToUpperInvariant();
                if (!routes.Any(r => r.Path == path.Name && r.Methods.Contains(method, StringComparer.Ordinal)) ||
                    NotCalled.Keys.Any(k => Normalize(k) == path.Name))
                {
                    missing.Add(method + " " + path.Name);
                }
            }
        }

        var pages = fixture.Endpoints.Where(IsPage).Select(Pattern).ToList();

        Assert.Empty(missing);
        Assert.True(pages.Count >= 20, $"only {pages.Count} page routes found");
        Assert.DoesNotContain(pages, NotCalled.ContainsKey);
    }

    private sealed record Call(string Method, string Pattern, string Path, RouteEndpoint Endpoint, Side Side, IReadOnlyList<RecordKind> Kinds)
    {
        public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);

        public bool IsUnsafe => Unsafe.Contains(Method, StringComparer.Ordinal);
    }

    private async Task<List<string>> CheckAsync(MatrixActor actor, Call call)
    {
        var failures = new List<string>();
        using var request = Request(call);
        HttpResponseMessage response;
        if (call.IsApi)
        {
            using var client = actor.Bearer is null ? fixture.App.CreateClient() : null;
            response = await (actor.Bearer ?? client!).SendAsync(request);
        }
        else
        {
            using var anonymous = actor.Cookie is null ? CookieSession.Anonymous(fixture.App) : null;
            response = await (actor.Cookie ?? anonymous!).SendAsync(request);
        }

        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location?.ToString() ?? "";
        var where = $"{call.Method} {call.Path} ({call.Side.Name}) → {status}";
        if (status >= 500)
        {
            failures.Add($"{where}: server error");
        }

        foreach (var marker in ForbiddenMarkers(actor))
        {
            if (body.Contains(marker, StringComparison.Ordinal) || location.Contains(Uri.EscapeDataString(marker), StringComparison.Ordinal))
            {
                failures.Add($"{where}: carries “{marker}”, which is outside the actor's scope");
            }
        }

        var toSignIn = status == 302 && location.Contains("/account/login", StringComparison.Ordinal);
        var toDenied = status == 302 && location.Contains("/account/access-denied", StringComparison.Ordinal);
        var isPublic = IsPublic(call.Endpoint);
        if (call.IsApi && !isPublic)
        {
            if (actor.Role is null && status != 401)
            {
                failures.Add($"{where}: the anonymous public should get 401");
            }
            else if (actor.Role is not null && !Permitted(actor.Role, call.Endpoint) && status != 403)
            {
                failures.Add($"{where}: a role without the permission should get 403");
            }
            else if (actor.Role is not null && Permitted(actor.Role, call.Endpoint) && status is >= 200 and < 300 &&
                call.Kinds.Any(IsScoped) && !Sees(actor, call.Side))
            {
                failures.Add($"{where}: answered for a record of another jurisdiction");
            }
        }
        else if (!call.IsApi && call.IsUnsafe)
        {
            if (!(status is 400 or 403 || toSignIn || toDenied))
            {
                failures.Add($"{where}: a form post without the antiforgery token was not refused");
            }
        }
        else if (!call.IsApi && !isPublic)
        {
            if (actor.Role is null && !toSignIn)
            {
                failures.Add($"{where}: the anonymous public should be sent to sign in");
            }
            else if (actor.Role is not null && !Permitted(actor.Role, call.Endpoint) && !(toDenied || status == 403))
            {
                failures.Add($"{where}: a role without the permission should be sent to the access-denied page");
            }
        }

        return failures;
    }

    private static HttpRequestMessage Request(Call call)
    {
        var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path);
        if (call.IsUnsafe)
        {
            request.Content = call.IsApi
                ? new StringContent("{}", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([]);
        }

        return request;
    }

    /// <summary>Markers the actor must never receive: every marker of a jurisdiction outside its own, and inside it what its role may not see.</summary>
    private IEnumerable<string> ForbiddenMarkers(MatrixActor actor)
    {
        foreach (var side in fixture.Sides.Values)
        {
            if (!Sees(actor, side))
            {
                foreach (var marker in side.Markers)
                {
                    yield return marker;
                }

                continue;
            }

            var hidden = actor.Role switch
            {
                Roles.Employer or Roles.Worker => [.. side.PersonMarkers, .. side.ClerkOnlyMarkers],
                Roles.DepartmentOfficer or Roles.Supervisor => side.ClerkOnlyMarkers,
                _ => [],
            };
            foreach (var marker in hidden)
            {
                yield return marker;
            }
        }
    }

    private static bool Sees(MatrixActor actor, Side side) =>
        actor.Jurisdiction is { } code && Jurisdiction.Parse(code).Value.Contains(side.Code);

    private static bool IsScoped(RecordKind kind) => kind is RecordKind.Person or RecordKind.Enterprise or RecordKind.Import or RecordKind.Review
        or RecordKind.Publication or RecordKind.Objection or RecordKind.Account or RecordKind.Job
        or RecordKind.SupervisionReport or RecordKind.SupervisionDocument or RecordKind.SupervisionProblem
        or RecordKind.LeaveRecord or RecordKind.RecuperationProgramme or RecordKind.RecuperationApplication
        or RecordKind.Decision or RecordKind.Simulation
        or RecordKind.WageReport or RecordKind.Rectification
        or RecordKind.EvaluationBody or RecordKind.Certificate
        or RecordKind.WindowRequest or RecordKind.WindowTask or RecordKind.WindowMaterial;

    private static bool IsSideDependent(RecordKind kind) => IsScoped(kind) || kind == RecordKind.RegionCode;

    private static bool IsPublic(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0;

    private static bool Permitted(string role, RouteEndpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().All(a =>
            a.Policy is null or Permissions.SignedIn || Permissions.Has(role, a.Policy));

    private static bool IsPage(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "ComponentTypeMetadata");

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor");

    private static string Pattern(RouteEndpoint endpoint) => "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');

    /// <summary>The pattern as OpenAPI writes it: parameters without constraints.</summary>
    private static string Normalize(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern.Length > 1 ? pattern.TrimEnd('/') : pattern, "\\{([^}:?]+)[^}]*\\}", "{$1}");

    /// <summary>The methods the matrix calls: pages and method-less routes by GET, others by each declared method but HEAD.</summary>
    private static string[] Methods(RouteEndpoint endpoint)
    {
        var declared = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
        if (IsPage(endpoint) || declared is null || declared.Count == 0)
        {
            return [HttpMethods.Get];
        }

        return [.. declared.Where(m => !HttpMethods.IsHead(m) && !HttpMethods.IsOptions(m))];
    }

    /// <summary>The kind of record a route parameter names: by its name, or for <c>id</c> by the segment before it.</summary>
    public static RecordKind? KindOf(string parameter, string? previousLiteral, string path = "") => (parameter.ToLowerInvariant(), previousLiteral) switch
    {
        ("id", "documents") when path.Contains("/policies/", StringComparison.Ordinal) => RecordKind.PolicyDocument,
        ("id", "reports") when path.Contains("/wages/", StringComparison.Ordinal) => RecordKind.WageReport,
        ("personid", _) => RecordKind.Person,
        ("objectionid", _) => RecordKind.Objection,
        ("materialid", _) => RecordKind.WindowMaterial,
        ("id", "requests") => RecordKind.WindowRequest,
        ("id", "tasks") => RecordKind.WindowTask,
        ("code", "items") => RecordKind.WindowItem,
        ("receiptnumber", _) => RecordKind.ReceiptNumber,
        ("id", "persons") or ("id", "items") or ("id", "person") => RecordKind.Person,
        ("versionid", _) => RecordKind.ItemVersion,
        ("key", "item") => RecordKind.ItemKey,
        ("id", "decisions") => RecordKind.Decision,
        ("id", "simulations") => RecordKind.Simulation,
        ("id", "enterprises") => RecordKind.Enterprise,
        ("id", "imports") => RecordKind.Import,
        ("id", "reviews") => RecordKind.Review,
        ("id", "publications") => RecordKind.Publication,
        ("id", "accounts") => RecordKind.Account,
        ("id", "jobs") => RecordKind.Job,
        ("id", "reports") => RecordKind.SupervisionReport,
        ("id", "documents") => RecordKind.SupervisionDocument,
        ("id", "problems") => RecordKind.SupervisionProblem,
        ("id", "records") => RecordKind.LeaveRecord,
        ("id", "programmes") or ("id", "recuperation") => RecordKind.RecuperationProgramme,
        ("id", "applications") => RecordKind.RecuperationApplication,
        ("id", "rectifications") => RecordKind.Rectification,
        ("receipt", "objections") => RecordKind.ObjectionReceipt,
        ("id", "bodies") => RecordKind.EvaluationBody,
        ("id", "certificates") => RecordKind.Certificate,
        ("number", "certificates") => RecordKind.CertificateNumber,
        ("code", "regions") => RecordKind.RegionCode,
        ("kind", "templates") => RecordKind.TemplateKind,
        ("format", _) => RecordKind.TemplateFormat,
        ("documentname", _) => RecordKind.DocumentName,
        _ => null,
    };

    private static (string Path, List<RecordKind> Kinds, string? Problem) Fill(RoutePattern pattern, Side side)
    {
        var path = new StringBuilder();
        var kinds = new List<RecordKind>();
        string? previousLiteral = null;
        foreach (var segment in pattern.PathSegments)
        {
            var text = new StringBuilder();
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        text.Append(literal.Content);
                        previousLiteral = literal.Content;
                        break;
                    case RoutePatternSeparatorPart separator:
                        text.Append(separator.Content);
                        break;
                    case RoutePatternParameterPart parameter when parameter.IsCatchAll:
                        return ("", kinds, $"catch-all parameter {{{parameter.Name}}}: list the endpoint in NotCalled with the reason");
                    case RoutePatternParameterPart parameter:
                        if (KindOf(parameter.Name, previousLiteral, text.ToString()) is not { } kind)
                        {
                            if (parameter.IsOptional)
                            {
                                continue;
                            }

                            return ("", kinds, $"cannot fill {{{parameter.Name}}} (after “{previousLiteral}”): teach EndpointMatrixTests.KindOf this parameter, or list the endpoint in NotCalled with the reason");
                        }

                        kinds.Add(kind);
                        text.Append(Uri.EscapeDataString(side.Ids[kind]));
                        break;
                    default:
                        return ("", kinds, "unknown route part " + part.GetType().Name);
                }
            }

            if (text.Length > 0)
            {
                path.Append('/').Append(text);
            }
        }

        return (path.Length == 0 ? "/" : path.ToString(), kinds, null);
    }
}

/// <summary>The matrix on PostgreSQL (the system of record).</summary>
public sealed class PostgresEndpointMatrixTests(PostgresMatrixFixture fixture) : EndpointMatrixTests(fixture), IClassFixture<PostgresMatrixFixture>;

/// <summary>The matrix on SQLite (the embedded default).</summary>
public sealed class SqliteEndpointMatrixTests(SqliteMatrixFixture fixture) : EndpointMatrixTests(fixture), IClassFixture<SqliteMatrixFixture>;
