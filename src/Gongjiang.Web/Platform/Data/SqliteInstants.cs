using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Gongjiang.Web.Platform.Data;

/// <summary>
/// How SQLite stores instants. SQLite has no timestamp type: by default EF Core writes a <see cref="DateTimeOffset"/> as
/// text with its offset, which SQLite cannot order or compare as time (EF refuses <c>ORDER BY</c> on it, and text order
/// is wrong across offsets). On SQLite every <see cref="DateTimeOffset"/> property is therefore stored as its UTC ticks
/// (100 ns since 0001-01-01 UTC, an INTEGER): ordering, comparison, MIN and MAX work in SQL and the value round-trips
/// exactly (read back with offset zero, as PostgreSQL's <c>timestamptz</c> does). PostgreSQL keeps <c>timestamptz</c>.
/// Migration <c>InstantsAsUtcTicks</c> (SQLite) converts stored text to ticks.
/// </summary>
internal static class SqliteInstants
{
    public static void Configure(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        builder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    /// <summary>A <see cref="DateTimeOffset"/> as its UTC ticks, and back with offset zero.</summary>
    internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
