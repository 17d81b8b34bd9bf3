using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "wages");

            migrationBuilder.CreateTable(
                name: "wage_level_cells",
                schema: "wages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    OccupationCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Suppressed = table.Column<bool>(type: "boolean", nullable: false),
                    Enterprises = table.Column<int>(type: "integer", nullable: true),
                    Persons = table.Column<int>(type: "integer", nullable: true),
                    P10 = table.Column<double>(type: "double precision", nullable: true),
                    P25 = table.Column<double>(type: "double precision", nullable: true),
                    P50 = table.Column<double>(type: "double precision", nullable: true),
                    P75 = table.Column<double>(type: "double precision", nullable: true),
                    P90 = table.Column<double>(type: "double precision", nullable: true),
                    MeanFen = table.Column<long>(type: "bigint", nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_level_cells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wage_rectifications",
                schema: "wages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CheckId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Finding = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    DeadlineProvisional = table.Column<bool>(type: "boolean", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvidenceDocuments = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    History = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_rectifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wage_reports",
                schema: "wages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    StateOwned = table.Column<bool>(type: "boolean", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CorrectsId = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RowCount = table.Column<int>(type: "integer", nullable: false),
                    TotalPayFen = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedById = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubmittedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ConfirmedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wage_soe_checks",
                schema: "wages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    CheckedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_soe_checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wage_report_lines",
                schema: "wages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    PersonKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Category = table.Column<int>(type: "integer", nullable: false),
                    Tier = table.Column<int>(type: "integer", nullable: true),
                    Frontline = table.Column<bool>(type: "boolean", nullable: true),
                    OccupationCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    SkillLevel = table.Column<int>(type: "integer", nullable: true),
                    MonthsWorked = table.Column<int>(type: "integer", nullable: false),
                    TotalPayFen = table.Column<long>(type: "bigint", nullable: false),
                    BasicPayFen = table.Column<long>(type: "bigint", nullable: false),
                    PerformancePayFen = table.Column<long>(type: "bigint", nullable: false),
                    AllowancesFen = table.Column<long>(type: "bigint", nullable: false),
                    SpecialPostAllowanceFen = table.Column<long>(type: "bigint", nullable: false),
                    MentorAllowanceFen = table.Column<long>(type: "bigint", nullable: false),
                    SeniorityPayFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_report_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_wage_report_lines_wage_reports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "wages",
                        principalTable: "wage_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wage_level_cells_Year_RegionCode_OccupationCode_Level",
                schema: "wages",
                table: "wage_level_cells",
                columns: new[] { "Year", "RegionCode", "OccupationCode", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wage_rectifications_CheckId",
                schema: "wages",
                table: "wage_rectifications",
                column: "CheckId");

            migrationBuilder.CreateIndex(
                name: "IX_wage_rectifications_RegionCode_Status",
                schema: "wages",
                table: "wage_rectifications",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_wage_report_lines_PersonId",
                schema: "wages",
                table: "wage_report_lines",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_wage_report_lines_ReportId_RowNumber",
                schema: "wages",
                table: "wage_report_lines",
                columns: new[] { "ReportId", "RowNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wage_report_lines_Year_IsCurrent",
                schema: "wages",
                table: "wage_report_lines",
                columns: new[] { "Year", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_wage_reports_EnterpriseId_Year_Version",
                schema: "wages",
                table: "wage_reports",
                columns: new[] { "EnterpriseId", "Year", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wage_reports_RegionCode_Year",
                schema: "wages",
                table: "wage_reports",
                columns: new[] { "RegionCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_wage_soe_checks_EnterpriseId_Year",
                schema: "wages",
                table: "wage_soe_checks",
                columns: new[] { "EnterpriseId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_wage_soe_checks_RegionCode_Year",
                schema: "wages",
                table: "wage_soe_checks",
                columns: new[] { "RegionCode", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wage_level_cells",
                schema: "wages");

            migrationBuilder.DropTable(
                name: "wage_rectifications",
                schema: "wages");

            migrationBuilder.DropTable(
                name: "wage_report_lines",
                schema: "wages");

            migrationBuilder.DropTable(
                name: "wage_soe_checks",
                schema: "wages");

            migrationBuilder.DropTable(
                name: "wage_reports",
                schema: "wages");
        }
    }
}
