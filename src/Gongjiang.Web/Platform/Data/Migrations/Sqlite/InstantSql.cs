using System.Globalization;

namespace Gongjiang.Web.Platform.Data.Migrations.Sqlite;

/// <summary>
/// SQL that converts stored instants between EF Core's SQLite text form (<c>yyyy-MM-dd HH:mm:ss[.fffffff]±hh:mm</c>, the
/// fraction left out when zero) and UTC ticks (100 ns since 0001-01-01 UTC, as <c>SqliteInstants</c> stores them). Exact:
/// the seconds come from SQLite's date functions, the fraction digit by digit (date functions keep only milliseconds).
/// </summary>
internal static class InstantSql
{
    /// <summary>Seconds from 0001-01-01 to 1970-01-01 (UTC).</summary>
    private const long EpochSeconds = 62_135_596_800;

    /// <summary>Every instant column of the model (table, column).</summary>
    public static readonly (string Table, string Column)[] Columns =
    [
        ("users", "LockoutEnd"), ("users", "CreatedAt"), ("talent_events", "CreatedAt"), ("special_allowances", "CreatedAt"),
        ("skill_certificates", "CreatedAt"), ("review_items", "EmployerConfirmedAt"), ("review_items", "CreatedAt"),
        ("review_items", "CheckedAt"), ("review_campaigns", "StartedAt"), ("review_campaigns", "ClosedAt"),
        ("registry_imports", "CreatedAt"), ("publications", "PreparedAt"), ("publications", "ApprovedAt"),
        ("publication_schedules", "UpdatedAt"), ("publication_objections", "SubmittedAt"), ("publication_objections", "DecidedAt"),
        ("provincial_recognitions", "CreatedAt"), ("persons", "UpdatedAt"), ("persons", "CreatedAt"), ("honors", "CreatedAt"),
        ("enterprises", "UpdatedAt"), ("employments", "CreatedAt"), ("audit_entries", "OccurredAtUtc"),
    ];

    /// <summary>Text instants of one column to UTC ticks (rows already holding integers are left alone).</summary>
    public static string TextToTicks(string table, string column)
    {
        var c = $"\"{column}\"";
        var seconds = $"CAST(strftime('%s', substr({c}, 1, 19) || substr({c}, -6)) AS INTEGER)";
        var fraction = $"CASE WHEN substr({c}, 20, 1) = '.' THEN substr({c}, 21, length({c}) - 26) ELSE '' END";
        var ticks = $"({seconds} + {EpochSeconds.ToString(CultureInfo.InvariantCulture)}) * 10000000 + CAST(substr({fraction} || '0000000', 1, 7) AS INTEGER)";
        return $"UPDATE \"{table}\" SET {c} = {ticks} WHERE typeof({c}) = 'text';";
    }

    /// <summary>UTC ticks of one column back to EF Core's text form, at offset +00:00.</summary>
    public static string TicksToText(string table, string column)
    {
        var c = $"\"{column}\"";
        var epoch = EpochSeconds.ToString(CultureInfo.InvariantCulture);
        var text = $"strftime('%Y-%m-%d %H:%M:%S', {c} / 10000000 - {epoch}, 'unixepoch')"
            + $" || CASE WHEN {c} % 10000000 = 0 THEN '' ELSE '.' || rtrim(printf('%07d', {c} % 10000000), '0') END || '+00:00'";
        return $"UPDATE \"{table}\" SET {c} = {text} WHERE typeof({c}) = 'integer';";
    }
}
