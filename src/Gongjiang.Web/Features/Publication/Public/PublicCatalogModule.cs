using System.Globalization;
using System.Text.Json.Serialization;
using Gongjiang.Web.Platform;
using Gongjiang.Web.Platform.Api;
using Gongjiang.Web.Platform.Audit;
using Gongjiang.Web.Platform.Data;
using Gongjiang.Web.Platform.Export;
using Gongjiang.Web.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongjiang.Web.Features.Publication.Public;

/// <summary>JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the publications.</summary>
public sealed record JsonFeed(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("home_page_url")] string HomePageUrl,
    [property: JsonPropertyName("feed_url")] string FeedUrl,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("items")] IReadOnlyList<JsonFeedItem> Items);

/// <summary>One item of the feed: a publication's notice (公示) or its publication (公布).</summary>
public sealed record JsonFeedItem(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("content_text")] string ContentText,
    [property: JsonPropertyName("date_published")] DateTimeOffset DatePublished,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags);

/// <summary>What the public sees without signing in: the published list, publications and their change lists.</summary>
internal static class PublicCatalogModule
{
    public const string DownloadAction = AuditActions.Export;
    public const string FeedAction = AuditActions.Feed;
    public const string AuditEntity = "PublicCatalog";

    public static IEndpointRouteBuilder MapPublicCatalog(this IEndpointRouteBuilder app)
    {
        // Reads only (GET): no antiforgery needed; no sign-in either.
        var group = app.MapGroup("/api/v1/public").WithTags("公开名单").AllowAnonymous();
        group.MapGet("/talents", Talents)
            .WithSummary("已公布的高技能领军人才名单（分页）：姓名、性别、地区、工作单位、职业（工种）、技能等级、认定依据；不含身份证号码、出生日期、电话")
            .WithDescription("查询条件：name（姓名包含）、region（6位行政区划代码，含下级）、honour（认定依据：NationalModelWorker、NationalMayDayLaborMedal、" +
                "ChinaSkillsGrandAward、NationalTechnicalExpert、SpecialAllowance、ProvincialRecognition 或其中文名称）、skillLevel（技能等级）、occupation（职业包含）、" +
                "employer（工作单位包含）、page、pageSize（1–200）。");
        group.MapGet("/talents/export", Export)
            .WithSummary($"下载名单（format=csv 或 xlsx；查询条件同上；单次最多{PublicCatalog.ExportCap}条）。每次下载均记入审计日志");
        group.MapGet("/publications", Publications).WithSummary("公示中和已公布的名单（分页，最新在前；region 为公布机关所在地区）");
        group.MapGet("/publications/feed.json", Feed).WithSummary("公布订阅（JSON Feed 1.1）：每期名单的公示和公布各为一条。每次读取均记入审计日志");
        group.MapGet("/publications/{id:guid}", Publication).WithSummary("一期名单及其与上一期相比的新增、变更、移出；公示中的名单只列公示人员");
        return app;
    }

    private static async Task<Results<Ok<Paged<PublicTalent>>, ProblemHttpResult>> Talents(
        GongjiangDbContext db, CancellationToken ct,
        string? name = null, string? region = null, string? honour = null, string? skillLevel = null, string? occupation = null,
        string? employer = null, string? page = null, string? pageSize = null)
    {
        var errors = new FieldErrors();
        var search = new PublicTalentSearch { Name = name, Region = region, Honour = honour, SkillLevel = skillLevel, Occupation = occupation, Employer = employer };
        var criteria = search.Validate(errors);
        var paging = Paging(page, pageSize, errors);
        if (criteria is null || !errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await PublicCatalog.TalentPageAsync(db, criteria, paging, ct));
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(
        GongjiangDbContext db, TimeProvider clock, CancellationToken ct,
        string? format = null, string? name = null, string? region = null, string? honour = null, string? skillLevel = null,
        string? occupation = null, string? employer = null)
    {
        var errors = new FieldErrors();
        var kind = string.IsNullOrWhiteSpace(format) ? "csv" : format.Trim().ToLowerInvariant();
        if (kind is not ("csv" or "xlsx"))
        {
            errors.Add("format", "下载格式（format）应为 csv 或 xlsx");
        }

        var search = new PublicTalentSearch { Name = name, Region = region, Honour = honour, SkillLevel = skillLevel, Occupation = occupation, Employer = employer };
        var criteria = search.Validate(errors);
        if (criteria is null || !errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        var (rows, count) = await PublicCatalog.ExportRowsAsync(db, criteria, ct);
        var detail = $"{kind.ToUpperInvariant()}；条件：{search.Describe()}";
        if (rows is null)
        {
            await db.RecordAsync(new AuditEvent(DownloadAction, AuditEntity, null, AuditOutcomes.Failed,
                string.Create(CultureInfo.InvariantCulture, $"{detail}；超过{PublicCatalog.ExportCap}条，未下载")), ct);
            errors.Add("region", string.Create(CultureInfo.InvariantCulture,
                $"符合条件的记录超过单次下载上限{PublicCatalog.ExportCap}条，请按地区等条件缩小范围后分批下载"));
            return Problems.Validation(errors, "下载的记录过多。");
        }

        await db.RecordAsync(new AuditEvent(DownloadAction, AuditEntity, null, Detail: string.Create(CultureInfo.InvariantCulture, $"{detail}；共{count}条")), ct);
        var fileName = $"高技能领军人才名单-{clock.GetUtcNow().ToOffset(ChinaTime.Offset):yyyyMMdd-HHmm}.{kind}";
        return TableDownload.File(kind == "csv" ? ExportFormat.Csv : ExportFormat.Xlsx, Table, rows, fileName, "高技能领军人才名单", ct);
    }

    private static async Task<Results<Ok<Paged<PublicPublication>>, ProblemHttpResult>> Publications(
        GongjiangDbContext db, CancellationToken ct, string? region = null, string? page = null, string? pageSize = null)
    {
        var errors = new FieldErrors();
        var criteria = new PublicTalentSearch { Region = region }.Validate(errors);
        var paging = Paging(page, pageSize, errors);
        if (criteria is null || !errors.IsEmpty)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await PublicCatalog.PublicationPageAsync(db, criteria.RegionPrefix, paging, ct));
    }

    private static async Task<Results<Ok<PublicPublicationDetail>, ProblemHttpResult>> Publication(
        Guid id, GongjiangDbContext db, TimeProvider clock, CancellationToken ct) =>
        await PublicCatalog.PublicationAsync(db, id, ChinaTime.Today(clock), ct) is { } detail
            ? TypedResults.Ok(detail)
            : Problems.NotFound("该期公示或公布的名单");

    private static async Task<JsonHttpResult<JsonFeed>> Feed(GongjiangDbContext db, HttpRequest request, PublicAddress address, CancellationToken ct)
    {
        var site = address.Absolute(request, "");
        var publications = await PublicCatalog.LatestAsync(db, PublicCatalog.FeedSize, ct);
        var items = new List<JsonFeedItem>();
        foreach (var p in publications)
        {
            var url = $"{site}/public/publications/{p.Id}";
            if (p.PublishedOn is { } published)
            {
                items.Add(new JsonFeedItem(url, url, $"【公布】{p.Title}",
                    string.Create(CultureInfo.InvariantCulture, $"{p.Title}已于{published:yyyy年M月d日}公布：{PublicCatalog.CountsText(p)}。"),
                    new DateTimeOffset(published.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset), ["公布", p.RegionName]));
            }

            if (p.NoticeStartsOn is { } noticed)
            {
                items.Add(new JsonFeedItem(url + "#notice", url, $"【公示】{p.Title}",
                    string.Create(CultureInfo.InvariantCulture,
                        $"{p.Title}公示：公示新增人员{p.Added}人，公示期{noticed:yyyy年M月d日}至{p.NoticeEndsOn:yyyy年M月d日}。对公示人员有异议的，可在公示期内提出。"),
                    new DateTimeOffset(noticed.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset), ["公示", p.RegionName]));
            }
        }

        items = [.. items.OrderByDescending(i => i.DatePublished)];
        await db.RecordAsync(new AuditEvent(FeedAction, AuditEntity, null, Detail: string.Create(CultureInfo.InvariantCulture, $"JSON Feed；{items.Count}条")), ct);
        var feed = new JsonFeed("https://jsonfeed.org/version/1.1", "高技能领军人才名单公示与公布", $"{site}/public/publications",
            $"{site}/api/v1/public/publications/feed.json", "各地高技能领军人才名单的公示和公布（人社部发〔2018〕24号：定期更新并向各部门和社会公布）。", "zh-CN", items);
        return TypedResults.Json(feed, contentType: "application/feed+json; charset=utf-8");
    }

    /// <summary>Reads page and pageSize from the query string, naming the field when either is not a number.</summary>
    internal static PageRequest Paging(string? page, string? pageSize, FieldErrors errors)
    {
        int? Number(string? text, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            errors.Add(field, message);
            return null;
        }

        var p = Number(page, "page", "页码（page）应为大于等于1的整数");
        var s = Number(pageSize, "pageSize", $"每页条数（pageSize）应为1到{PageRequest.MaxPageSize}之间的整数");
        PageRequest.TryCreate(p, s, errors, out var request);
        return request;
    }

    /// <summary>The columns of the download, in CSV and XLSX alike.</summary>
    internal static readonly TableExport<PublicTalent> Table = new(
        new("姓名", r => r.Name),
        new("性别", r => r.Sex),
        new("地区代码", r => r.RegionCode),
        new("地区", r => r.RegionName),
        new("工作单位", r => r.Employer),
        new("职业（工种）", r => r.Occupation),
        new("技能等级", r => Core.Skills.SkillLevels.ToDisplayName(r.SkillLevel)),
        new("认定依据", r => r.Bases),
        new("公布日期", r => r.PublishedOn));
}
