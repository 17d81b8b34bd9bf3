using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WageSchemes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Apprentices",
                table: "wage_report_lines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ServiceStart",
                table: "wage_report_lines",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SpecialPostMonths",
                table: "wage_report_lines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "wage_schemes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    StartYears = table.Column<int>(type: "INTEGER", nullable: false),
                    MonthlyAmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MonthlyCapFen = table.Column<long>(type: "INTEGER", nullable: true),
                    MinimumLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    PerApprentice = table.Column<bool>(type: "INTEGER", nullable: false),
                    MinimumApprentices = table.Column<int>(type: "INTEGER", nullable: false),
                    MaximumApprentices = table.Column<int>(type: "INTEGER", nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_schemes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wage_schemes_EnterpriseId_Kind_EffectiveFrom",
                table: "wage_schemes",
                columns: new[] { "EnterpriseId", "Kind", "EffectiveFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wage_schemes");

            migrationBuilder.DropColumn(
                name: "Apprentices",
                table: "wage_report_lines");

            migrationBuilder.DropColumn(
                name: "ServiceStart",
                table: "wage_report_lines");

            migrationBuilder.DropColumn(
                name: "SpecialPostMonths",
                table: "wage_report_lines");
        }
    }
}
