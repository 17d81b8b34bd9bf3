using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "wage_level_cells",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    OccupationCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Suppressed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Enterprises = table.Column<int>(type: "INTEGER", nullable: true),
                    Persons = table.Column<int>(type: "INTEGER", nullable: true),
                    P10 = table.Column<double>(type: "REAL", nullable: true),
                    P25 = table.Column<double>(type: "REAL", nullable: true),
                    P50 = table.Column<double>(type: "REAL", nullable: true),
                    P75 = table.Column<double>(type: "REAL", nullable: true),
                    P90 = table.Column<double>(type: "REAL", nullable: true),
                    MeanFen = table.Column<long>(type: "INTEGER", nullable: true),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_level_cells", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wage_rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CheckId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DeadlineProvisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EvidenceDocuments = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    History = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_rectifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wage_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    StateOwned = table.Column<bool>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectsId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalPayFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmittedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConfirmedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wage_soe_checks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    CheckedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_soe_checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "wage_report_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    PersonKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: true),
                    Frontline = table.Column<bool>(type: "INTEGER", nullable: true),
                    OccupationCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    SkillLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    MonthsWorked = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalPayFen = table.Column<long>(type: "INTEGER", nullable: false),
                    BasicPayFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PerformancePayFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AllowancesFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SpecialPostAllowanceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    MentorAllowanceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    SeniorityPayFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_report_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_wage_report_lines_wage_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "wage_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_wage_level_cells_Year_RegionCode_OccupationCode_Level",
                table: "wage_level_cells",
                columns: new[] { "Year", "RegionCode", "OccupationCode", "Level" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wage_rectifications_CheckId",
                table: "wage_rectifications",
                column: "CheckId");

            migrationBuilder.CreateIndex(
                name: "IX_wage_rectifications_RegionCode_Status",
                table: "wage_rectifications",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_wage_report_lines_PersonId",
                table: "wage_report_lines",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_wage_report_lines_ReportId_RowNumber",
                table: "wage_report_lines",
                columns: new[] { "ReportId", "RowNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wage_report_lines_Year_IsCurrent",
                table: "wage_report_lines",
                columns: new[] { "Year", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_wage_reports_EnterpriseId_Year_Version",
                table: "wage_reports",
                columns: new[] { "EnterpriseId", "Year", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_wage_reports_RegionCode_Year",
                table: "wage_reports",
                columns: new[] { "RegionCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_wage_soe_checks_EnterpriseId_Year",
                table: "wage_soe_checks",
                columns: new[] { "EnterpriseId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_wage_soe_checks_RegionCode_Year",
                table: "wage_soe_checks",
                columns: new[] { "RegionCode", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "wage_level_cells");

            migrationBuilder.DropTable(
                name: "wage_rectifications");

            migrationBuilder.DropTable(
                name: "wage_report_lines");

            migrationBuilder.DropTable(
                name: "wage_soe_checks");

            migrationBuilder.DropTable(
                name: "wage_reports");
        }
    }
}
