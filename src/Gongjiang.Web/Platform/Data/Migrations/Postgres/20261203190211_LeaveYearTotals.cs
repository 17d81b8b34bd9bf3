using System;
using Gongjiang.Web.Features.Leave.Data;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LeaveYearTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_leave_records_owed",
                schema: "leave",
                table: "leave_records");

            migrationBuilder.CreateTable(
                name: "leave_year_totals",
                schema: "leave",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Employees = table.Column<int>(type: "integer", nullable: false),
                    Taken = table.Column<int>(type: "integer", nullable: false),
                    Scheduled = table.Column<int>(type: "integer", nullable: false),
                    Outstanding = table.Column<int>(type: "integer", nullable: false),
                    CarriedOver = table.Column<int>(type: "integer", nullable: false),
                    WrittenRefusal = table.Column<int>(type: "integer", nullable: false),
                    Compensated = table.Column<int>(type: "integer", nullable: false),
                    CompensationOwed = table.Column<int>(type: "integer", nullable: false),
                    OwedDays = table.Column<int>(type: "integer", nullable: false),
                    CompensableDays = table.Column<int>(type: "integer", nullable: false),
                    ShortfallFen = table.Column<long>(type: "bigint", nullable: false),
                    NeedingAction = table.Column<int>(type: "integer", nullable: false),
                    OwedNothingPaid = table.Column<int>(type: "integer", nullable: false),
                    OwedCompensableDays = table.Column<int>(type: "integer", nullable: false),
                    OwedDueFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leave_year_totals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_leave_records_leavers",
                schema: "leave",
                table: "leave_records",
                columns: new[] { "EnterpriseId", "Year", "YearDeadline" },
                filter: "\"LeftOn\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_leave_records_needing_after_carry_over",
                schema: "leave",
                table: "leave_records",
                columns: new[] { "EnterpriseId", "Year", "AfterCarryOverShortfallFen", "PersonName", "Id" },
                descending: new[] { false, false, true, false, false },
                filter: "\"AfterCarryOverShortfallFen\" > 0");

            migrationBuilder.CreateIndex(
                name: "ix_leave_records_needing_after_year",
                schema: "leave",
                table: "leave_records",
                columns: new[] { "EnterpriseId", "Year", "AfterYearShortfallFen", "AfterYearOwedDays", "PersonName", "Id" },
                descending: new[] { false, false, true, true, false, false },
                filter: "\"AfterYearOwedDays\" > 0 OR \"AfterYearShortfallFen\" > 0");

            migrationBuilder.CreateIndex(
                name: "ix_leave_records_needing_in_year",
                schema: "leave",
                table: "leave_records",
                columns: new[] { "EnterpriseId", "Year", "InYearOwedDays", "PersonName", "Id" },
                descending: new[] { false, false, true, false, false },
                filter: "\"InYearOwedDays\" > 0");

            migrationBuilder.CreateIndex(
                name: "IX_leave_year_totals_EnterpriseId_Year_RegionCode_Kind_Effecti~",
                schema: "leave",
                table: "leave_year_totals",
                columns: new[] { "EnterpriseId", "Year", "RegionCode", "Kind", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leave_year_totals_owed",
                schema: "leave",
                table: "leave_year_totals",
                columns: new[] { "Year", "Kind", "ShortfallFen", "EnterpriseId" },
                descending: new[] { false, false, true, false },
                filter: "\"CompensationOwed\" > 0");

            // Records saved before this migration: their totals, as LeaveYearTotals keeps them from now on.
            migrationBuilder.Sql(LeaveYearTotalsBackfill.Postgres);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leave_year_totals",
                schema: "leave");

            migrationBuilder.DropIndex(
                name: "ix_leave_records_leavers",
                schema: "leave",
                table: "leave_records");

            migrationBuilder.DropIndex(
                name: "ix_leave_records_needing_after_carry_over",
                schema: "leave",
                table: "leave_records");

            migrationBuilder.DropIndex(
                name: "ix_leave_records_needing_after_year",
                schema: "leave",
                table: "leave_records");

            migrationBuilder.DropIndex(
                name: "ix_leave_records_needing_in_year",
                schema: "leave",
                table: "leave_records");

            migrationBuilder.CreateIndex(
                name: "ix_leave_records_owed",
                schema: "leave",
                table: "leave_records",
                columns: new[] { "Year", "RegionCode", "EnterpriseId" },
                filter: "\"OwedFrom\" IS NOT NULL");
        }
    }
}
