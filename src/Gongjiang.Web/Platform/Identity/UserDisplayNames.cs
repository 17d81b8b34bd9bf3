using Gongjiang.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongjiang.Web.Platform.Identity;

/// <summary>
/// The display names (姓名) of the accounts whose user names records keep (经办人 of imports, history, reviews, the audit
/// log), so that pages show people by name. Reads only user name and display name.
/// </summary>
public static class UserDisplayNames
{
    public static async Task<IReadOnlyDictionary<string, string>> OfAsync(GongjiangDbContext db, IEnumerable<string?> userNames, CancellationToken ct)
    {
        var names = userNames.Where(n => !string.IsNullOrEmpty(n)).Select(n => n!).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        var rows = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!))
            .Select(u => new { u.UserName, u.DisplayName }).ToListAsync(ct);
        return rows.Where(r => r.UserName is not null && r.DisplayName.Length > 0).ToDictionary(r => r.UserName!, r => r.DisplayName, StringComparer.Ordinal);
    }

    /// <summary>The display name of a user name, or the stored name itself (system actors, deleted accounts).</summary>
    public static string NameOf(this IReadOnlyDictionary<string, string> names, string? userName) =>
        userName is null ? "" : names.TryGetValue(userName, out var display) ? display : userName;
}
