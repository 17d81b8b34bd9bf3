using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Gongjiang.Web.Tests.Crawl;

/// <summary>One thing wrong with one page.</summary>
public sealed record CrawlFinding(string Url, string Kind, string Detail)
{
    public override string ToString() => $"{Url} — {Kind}: {Detail}";
}

/// <summary>
/// Follows every same-origin link (and submits every GET form with its current values) from the start pages, breadth
/// first, bounded in pages and in URLs of one shape (the same path with ids replaced and the same query keys), and
/// checks each answer with <see cref="PageChecks"/>. Logout and anything that is not a GET link are never followed;
/// downloads (CSV, XLSX, JSON) are fetched for their status only.
/// </summary>
public sealed partial class SiteCrawler(HttpClient client, int maxPages = 150, int maxPerShape = 3)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Paths never followed: they change the session or the data.</summary>
    private static readonly string[] Never = ["/account/logout"];

    public List<CrawlFinding> Findings { get; } = [];

    /// <summary>Every URL fetched, in order, with its status.</summary>
    public List<(string Url, int Status)> Visited { get; } = [];

    public async Task CrawlAsync(params string[] starts)
    {
        var queue = new Queue<string>(starts);
        var seen = new HashSet<string>(starts, StringComparer.Ordinal);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        while (queue.Count > 0 && Visited.Count < maxPages)
        {
            var url = queue.Dequeue();
            using var response = await client.GetAsync(url);
            var status = (int)response.StatusCode;
            var final = response.RequestMessage?.RequestUri?.PathAndQuery ?? url;
            Visited.Add((url, status));
            if (status >= 500)
            {
                Findings.Add(new CrawlFinding(url, "5xx", $"HTTP {status.ToString(CultureInfo.InvariantCulture)}: {Shorten(await response.Content.ReadAsStringAsync())}"));
                continue;
            }

            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (!type.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            var document = Parser.ParseDocument(html);
            Findings.AddRange(PageChecks.Check(final, html, document));
            foreach (var next in Links(document, final))
            {
                var shape = Shape(next);
                if (seen.Add(next) && (shapes[shape] = shapes.GetValueOrDefault(shape) + 1) <= maxPerShape)
                {
                    queue.Enqueue(next);
                }
            }
        }
    }

    /// <summary>Same-origin GET links and GET forms (submitted with their current values), as paths with query.</summary>
    private static IEnumerable<string> Links(IDocument document, string current)
    {
        var baseUri = new Uri(new Uri("http://localhost"), current);
        foreach (var a in document.QuerySelectorAll("a[href]"))
        {
            if (a.HasAttribute("download") || Local(baseUri, a.GetAttribute("href")!) is not { } path)
            {
                continue;
            }

            yield return path;
        }

        foreach (var form in document.QuerySelectorAll("form").OfType<IHtmlFormElement>())
        {
            if (!string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase)
                || Local(baseUri, form.GetAttribute("action") is { Length: > 0 } action ? action : current) is not { } target)
            {
                continue;
            }

            var query = new StringBuilder();
            foreach (var field in form.Elements)
            {
                var (name, value) = field switch
                {
                    IHtmlInputElement { Type: not ("submit" or "button" or "checkbox" or "radio" or "file") } input => (input.Name, input.Value),
                    IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: true } input => (input.Name, input.Value),
                    IHtmlSelectElement select => (select.Name, select.Value ?? ""),
                    _ => (null, null),
                };
                if (!string.IsNullOrEmpty(name))
                {
                    query.Append(query.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value ?? ""));
                }
            }

            yield return target.Split('?')[0] + query;
        }
    }

    private static string? Local(Uri baseUri, string href)
    {
        if (href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!Uri.TryCreate(baseUri, href, out var uri) || uri.Host != baseUri.Host || uri.Port != baseUri.Port || uri.Scheme != baseUri.Scheme)
        {
            return null;
        }

        var path = uri.PathAndQuery;
        return Never.Any(n => uri.AbsolutePath.Equals(n, StringComparison.OrdinalIgnoreCase)) ? null : path;
    }

    /// <summary>The path with ids and numbers replaced, and the query's keys: URLs of one shape are one kind of page.</summary>
    public static string Shape(string url)
    {
        var parts = url.Split('?', 2);
        var path = IdSegment().Replace(parts[0], "/{id}");
        var keys = parts.Length < 2 ? "" : string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal));
        return path + "?" + keys;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    [GeneratedRegex(@"/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\d+)(?=/|$)")]
    private static partial Regex IdSegment();
}

/// <summary>
/// What every page must be: no framework text (exception pages, stack traces, type names), no English in the text a
/// person reads (visible text, the title, and the attributes read aloud or shown: title, placeholder, aria-label, alt,
/// button values) outside an allow-list of acronyms and code-like tokens, and no complete citizen ID number (GB 11643)
/// anywhere in the page — the only place one may appear is the audited reveal on a person's page, which is a POST.
/// </summary>
public static partial class PageChecks
{
    /// <summary>Acronyms and names a Chinese UI uses as they are.</summary>
    public static readonly HashSet<string> AllowedWords = new(StringComparer.Ordinal)
    {
        "API", "ID", "CSV", "XLSX", "PDF", "JSON", "OpenAPI", "TOTP", "QR", "URL", "HTTP", "HTTPS", "UTF", "GBK", "GB", "KB", "MB",

        // Products and formats named as they are: Excel downloads, the JSON Feed format, authenticator apps.
        "Excel", "Feed", "Microsoft", "Google", "Authenticator",
    };

    private static readonly string[] FrameworkTexts =
    [
        "An unhandled exception", "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "System.InvalidOperationException",
        "Exception:", "SqliteException", "NpgsqlException", "PostgresException", "SQLite Error", "Stack trace", "StackTrace",
        "Error. An error occurred", "Development Mode", "--- End of stack trace",
    ];

    /// <summary>Elements whose text is code or data shown as such, not UI text.</summary>
    private const string CodeLike = "script, style, template, code, kbd, samp, pre, [translate='no']";

    public static IEnumerable<CrawlFinding> Check(string url, string html, IDocument document)
    {
        var text = VisibleText(document);
        foreach (var framework in FrameworkTexts)
        {
            if (html.Contains(framework, StringComparison.OrdinalIgnoreCase))
            {
                yield return new CrawlFinding(url, "framework text", framework);
            }
        }

        if (StackFrame().Match(html) is { Success: true } frame)
        {
            yield return new CrawlFinding(url, "stack trace", frame.Value);
        }

        foreach (var word in EnglishWords(text).Distinct(StringComparer.Ordinal))
        {
            yield return new CrawlFinding(url, "English", word);
        }

        foreach (Match id in FullIdNumber().Matches(html))
        {
            yield return new CrawlFinding(url, "full ID number", id.Value[..6] + "…");
        }
    }

    /// <summary>The text a person reads or hears: text nodes outside code-like elements, and spoken or shown attributes.</summary>
    public static string VisibleText(IDocument document)
    {
        var text = new StringBuilder(document.Title ?? "").Append('\n');
        var codeLike = document.QuerySelectorAll(CodeLike).ToHashSet();
        foreach (var node in document.Body?.Descendants() ?? [])
        {
            if (node is IText t && !Ancestors(t).Any(codeLike.Contains))
            {
                text.Append(t.Data).Append('\n');
            }
            else if (node is IElement e && !codeLike.Contains(e) && !Ancestors(e).Any(codeLike.Contains))
            {
                foreach (var attribute in new[] { "title", "placeholder", "aria-label", "alt" })
                {
                    if (e.GetAttribute(attribute) is { Length: > 0 } value)
                    {
                        text.Append(value).Append('\n');
                    }
                }

                if (e is IHtmlInputElement { Type: "submit" or "button" } button)
                {
                    text.Append(button.Value).Append('\n');
                }
            }
        }

        return text.ToString();
    }

    /// <summary>Latin words in the text that are neither allowed acronyms nor part of a code-like token.</summary>
    public static IEnumerable<string> EnglishWords(string text)
    {
        foreach (Match token in Token().Matches(text))
        {
            var value = token.Value.Trim('(', ')', '[', ']', '{', '}', ',', ';', '!', '?', '"', '\'', '“', '”', '*', '+');
            if (value.Length == 0 || !value.Any(char.IsAsciiLetter) || value.Any(c => char.IsAsciiDigit(c) || "/_.@:=#&\\<>|%".Contains(c, StringComparison.Ordinal)))
            {
                continue;
            }

            foreach (var word in value.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.Length > 1 && !AllowedWords.Contains(word))
                {
                    yield return word;
                }
            }
        }
    }

    private static IEnumerable<INode> Ancestors(INode node)
    {
        for (var parent = node.Parent; parent is not null; parent = parent.Parent)
        {
            yield return parent;
        }
    }

    /// <summary>Runs of printable ASCII without spaces: CJK text and spaces end a token.</summary>
    [GeneratedRegex(@"[\x21-\x7E]+")]
    private static partial Regex Token();

    [GeneratedRegex(@"\bat [A-Z][\w`]*(\.[\w`<>]+)+\(")]
    private static partial Regex StackFrame();

    /// <summary>GB 11643 shape (region, birth date, sequence, check character), not inside a longer code.</summary>
    [GeneratedRegex(@"(?<![0-9A-Za-z])[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex FullIdNumber();
}
