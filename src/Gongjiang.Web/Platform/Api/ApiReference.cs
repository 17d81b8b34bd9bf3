using Scalar.AspNetCore;

namespace Gongjiang.Web.Platform.Api;

/// <summary>
/// The interactive API reference (/scalar, Scalar.AspNetCore 2.19): its script is served from this application, and
/// everything that would call elsewhere is off — the CDN fonts (Inter, JetBrains Mono), telemetry, the AI agent and
/// MCP — so it works offline and under the content security policy. Titles and the interface in Chinese.
/// </summary>
internal static class ApiReference
{
    public const string Title = "工匠平台 API 参考";

    public static void Configure(ScalarOptions options) => options
        .WithTitle(Title)
        .DisableDefaultFonts()
        .DisableTelemetry()
        .DisableAgent()
        .DisableMcp()
        .WithLocalization(new ScalarLocalizationOptions { Locale = "zh-CN" })
        .WithCustomCss(":root { --scalar-font: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", \"Microsoft YaHei\", system-ui, sans-serif; --scalar-font-code: ui-monospace, \"Noto Sans Mono CJK SC\", monospace; }")
        .WithFavicon("data:,");
}
