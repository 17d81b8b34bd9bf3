using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Name substring search of 1 and 2 characters (PersonUseCases.SearchAsync, NameGrams): trigrams need 3 characters,
    /// so a GIN index over every 1- and 2-character substring of the name serves the shorter ones. Not part of the EF
    /// model (an expression index over a function), so the model snapshot does not change.
    /// </summary>
    public partial class NameGrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Immutable and strict: the same name always gives the same grams, so an index may store them. GIN removes
            // repeated grams itself.
            migrationBuilder.Sql("""
                CREATE FUNCTION gj_name_grams(name text) RETURNS text[]
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                AS $$
                    SELECT array(
                        SELECT substr(name, i, n)
                        FROM generate_series(1, char_length(name)) AS i, (VALUES (1), (2)) AS v(n)
                        WHERE i + n - 1 <= char_length(name))
                $$;
                """);
            migrationBuilder.Sql("""CREATE INDEX ix_persons_name_grams ON persons USING gin (gj_name_grams("Name"));""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_persons_name_grams;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS gj_name_grams(text);");
        }
    }
}
