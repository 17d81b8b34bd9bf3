using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Postgres
{
    /// <summary>
    /// Name substring search of 1 and 2 characters (PersonUseCases.SearchAsync, NameGrams): trigrams need 3 characters.
    /// A name contains q either at its start — served in name order by a B-tree over (left(name, 1 or 2), name, id) — or
    /// further on — served by a GIN index over the 1- and 2-character substrings that start at the second character or
    /// later. Splitting by position keeps both parts fast: a surname-like character matches tens of thousands of names
    /// that all sort together (a range of the B-tree, read in order), while matches further in are spread out and fewer.
    /// Not part of the EF model (expression indexes over a function), so the model snapshot does not change.
    /// </summary>
    public partial class NameGrams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Immutable and strict: the same name always gives the same grams, so an index may store them (GIN removes
            // repeats itself). Cheap enough per row for the planner to filter an ordered scan with it.
            migrationBuilder.Sql("""
                CREATE FUNCTION gj_name_tail_grams(name text) RETURNS text[]
                LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 5
                AS $$
                    SELECT array(
                        SELECT substr(name, i, n)
                        FROM generate_series(2, char_length(name)) AS i, (VALUES (1), (2)) AS v(n)
                        WHERE i + n - 1 <= char_length(name))
                $$;
                """);
            migrationBuilder.Sql("""CREATE INDEX ix_persons_name_tail_grams ON persons USING gin (gj_name_tail_grams("Name"));""");
            migrationBuilder.Sql("""CREATE INDEX ix_persons_name_head1 ON persons (left("Name", 1), "Name", "Id");""");
            migrationBuilder.Sql("""CREATE INDEX ix_persons_name_head2 ON persons (left("Name", 2), "Name", "Id");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_persons_name_head2;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_persons_name_head1;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_persons_name_tail_grams;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS gj_name_tail_grams(text);");
        }
    }
}
