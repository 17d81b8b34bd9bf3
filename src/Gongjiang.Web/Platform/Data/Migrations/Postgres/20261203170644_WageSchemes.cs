using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WageSchemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Apprentices",
                schema: "wages",
                table: "wage_report_lines",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ServiceStart",
                schema: "wages",
                table: "wage_report_lines",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SpecialPostMonths",
                schema: "wages",
                table: "wage_report_lines",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "wage_schemes",
                schema: "wages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartYears = table.Column<int>(type: "integer", nullable: false),
                    MonthlyAmountFen = table.Column<long>(type: "bigint", nullable: false),
                    MonthlyCapFen = table.Column<long>(type: "bigint", nullable: true),
                    MinimumLevel = table.Column<int>(type: "integer", nullable: true),
                    PerApprentice = table.Column<bool>(type: "boolean", nullable: false),
                    MinimumApprentices = table.Column<int>(type: "integer", nullable: false),
                    MaximumApprentices = table.Column<int>(type: "integer", nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_schemes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wage_schemes_EnterpriseId_Kind_EffectiveFrom",
                schema: "wages",
                table: "wage_schemes",
                columns: new[] { "EnterpriseId", "Kind", "EffectiveFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wage_schemes",
                schema: "wages");

            migrationBuilder.DropColumn(
                name: "Apprentices",
                schema: "wages",
                table: "wage_report_lines");

            migrationBuilder.DropColumn(
                name: "ServiceStart",
                schema: "wages",
                table: "wage_report_lines");

            migrationBuilder.DropColumn(
                name: "SpecialPostMonths",
                schema: "wages",
                table: "wage_report_lines");
        }
    }
}
