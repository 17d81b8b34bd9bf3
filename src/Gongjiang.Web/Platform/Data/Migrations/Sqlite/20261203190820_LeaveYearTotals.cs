using System;
using Gongjiang.Web.Features.Leave.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LeaveYearTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_leave_records_owed",
                table: "leave_records");

            migrationBuilder.CreateTable(
                name: "leave_year_totals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Employees = table.Column<int>(type: "INTEGER", nullable: false),
                    Taken = table.Column<int>(type: "INTEGER", nullable: false),
                    Scheduled = table.Column<int>(type: "INTEGER", nullable: false),
                    Outstanding = table.Column<int>(type: "INTEGER", nullable: false),
                    CarriedOver = table.Column<int>(type: "INTEGER", nullable: false),
                    WrittenRefusal = table.Column<int>(type: "INTEGER", nullable: false),
                    Compensated = table.Column<int>(type: "INTEGER", nullable: false),
                    CompensationOwed = table.Column<int>(type: "INTEGER", nullable: false),
                    OwedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CompensableDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ShortfallFen = table.Column<long>(type: "INTEGER", nullable: false),
                    NeedingAction = table.Column<int>(type: "INTEGER", nullable: false),
                    OwedNothingPaid = table.Column<int>(type: "INTEGER", nullable: false),
                    OwedCompensableDays = table.Column<int>(type: "INTEGER", nullable: false),
                    OwedDueFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leave_year_totals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_leave_records_leavers",
                table: "leave_records",
                columns: new[] { "EnterpriseId", "Year", "YearDeadline" },
                filter: "\"LeftOn\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_leave_records_needing_after_carry_over",
                table: "leave_records",
                columns: new[] { "EnterpriseId", "Year", "AfterCarryOverShortfallFen", "PersonName", "Id" },
                descending: new[] { false, false, true, false, false },
                filter: "\"AfterCarryOverShortfallFen\" > 0");

            migrationBuilder.CreateIndex(
                name: "ix_leave_records_needing_after_year",
                table: "leave_records",
                columns: new[] { "EnterpriseId", "Year", "AfterYearShortfallFen", "AfterYearOwedDays", "PersonName", "Id" },
                descending: new[] { false, false, true, true, false, false },
                filter: "\"AfterYearOwedDays\" > 0 OR \"AfterYearShortfallFen\" > 0");

            migrationBuilder.CreateIndex(
                name: "ix_leave_records_needing_in_year",
                table: "leave_records",
                columns: new[] { "EnterpriseId", "Year", "InYearOwedDays", "PersonName", "Id" },
                descending: new[] { false, false, true, false, false },
                filter: "\"InYearOwedDays\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_leave_year_totals_EnterpriseId_Year_RegionCode_Kind_EffectiveFrom",
                table: "leave_year_totals",
                columns: new[] { "EnterpriseId", "Year", "RegionCode", "Kind", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leave_year_totals_owed",
                table: "leave_year_totals",
                columns: new[] { "Year", "Kind", "ShortfallFen", "EnterpriseId" },
                descending: new[] { false, false, true, false },
                filter: "\"CompensationOwed\" > 0");

            // Records saved before this migration: their totals, as LeaveYearTotals keeps them from now on.
            migrationBuilder.Sql(LeaveYearTotalsBackfill.Sqlite);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leave_year_totals");

            migrationBuilder.DropIndex(
                name: "ix_leave_records_leavers",
                table: "leave_records");

            migrationBuilder.DropIndex(
                name: "ix_leave_records_needing_after_carry_over",
                table: "leave_records");

            migrationBuilder.DropIndex(
                name: "ix_leave_records_needing_after_year",
                table: "leave_records");

            migrationBuilder.DropIndex(
                name: "ix_leave_records_needing_in_year",
                table: "leave_records");

            migrationBuilder.CreateIndex(
                name: "ix_leave_records_owed",
                table: "leave_records",
                columns: new[] { "Year", "RegionCode", "EnterpriseId" },
                filter: "\"OwedFrom\" IS NOT NULL");
        }
    }
}
