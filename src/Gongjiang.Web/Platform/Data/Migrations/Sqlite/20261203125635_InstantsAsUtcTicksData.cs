using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Sqlite
{
    /// <summary>
    /// The data half of the instants-as-ticks change of PlatformSettings (SQLite): the instants stored as text become UTC
    /// ticks (and back on Down). A migration of its own, because SQLite's table rebuilds of the previous one run at its
    /// end, after any SQL placed beside them.
    /// </summary>
    public partial class InstantsAsUtcTicksData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in InstantSql.Columns)
            {
                migrationBuilder.Sql(InstantSql.TextToTicks(table, column));
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in InstantSql.Columns)
            {
                migrationBuilder.Sql(InstantSql.TicksToText(table, column));
            }
        }
    }
}
