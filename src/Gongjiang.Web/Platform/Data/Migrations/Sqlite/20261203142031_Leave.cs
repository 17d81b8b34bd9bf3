using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Leave : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leave_records",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstWorkDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HireDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EntitlementCalculated = table.Column<bool>(type: "INTEGER", nullable: false),
                    EntitledDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ArrangedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AverageMonthlyWageFen = table.Column<long>(type: "INTEGER", nullable: false),
                    CompensationPaidFen = table.Column<long>(type: "INTEGER", nullable: false),
                    WrittenRefusal = table.Column<bool>(type: "INTEGER", nullable: false),
                    CarriedOverDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CarriedOverTakenDays = table.Column<int>(type: "INTEGER", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UntakenDays = table.Column<int>(type: "INTEGER", nullable: false),
                    YearDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CarryOverDeadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InYearStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    InYearOwedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterYearStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterYearOwedDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterYearCompensableDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterYearDueFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AfterYearShortfallFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AfterCarryOverStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterCarryOverCompensableDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AfterCarryOverDueFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AfterCarryOverShortfallFen = table.Column<long>(type: "INTEGER", nullable: false),
                    OwedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leave_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recuperation_programmes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Organiser = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ApplicationsCloseOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quota = table.Column<int>(type: "INTEGER", nullable: false),
                    WaitlistSize = table.Column<int>(type: "INTEGER", nullable: true),
                    MinimumSkillLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    FrontlineOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    YearsBetweenProgrammes = table.Column<int>(type: "INTEGER", nullable: true),
                    RequiresFitness = table.Column<bool>(type: "INTEGER", nullable: false),
                    PriorityOrder = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TieBreak = table.Column<int>(type: "INTEGER", nullable: false),
                    SelectedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SelectedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recuperation_programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recuperation_applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AppliedAtMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Nominated = table.Column<bool>(type: "INTEGER", nullable: false),
                    FitForActivity = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsLeadingTalent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Frontline = table.Column<bool>(type: "INTEGER", nullable: false),
                    SkillLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    LastAttendedYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Group = table.Column<int>(type: "INTEGER", nullable: true),
                    Rank = table.Column<int>(type: "INTEGER", nullable: true),
                    WaitlistPosition = table.Column<int>(type: "INTEGER", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAtMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recuperation_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recuperation_applications_recuperation_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "recuperation_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recuperation_results",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    MaskedName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Group = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    WaitlistPosition = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recuperation_results", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recuperation_results_recuperation_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "recuperation_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_leave_records_EnterpriseId_Year_PersonId",
                table: "leave_records",
                columns: new[] { "EnterpriseId", "Year", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leave_records_EnterpriseId_Year_PersonName_Id",
                table: "leave_records",
                columns: new[] { "EnterpriseId", "Year", "PersonName", "Id" });

            migrationBuilder.CreateIndex(
                name: "ix_leave_records_owed",
                table: "leave_records",
                columns: new[] { "Year", "RegionCode", "EnterpriseId" },
                filter: "\"OwedFrom\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_leave_records_PersonId_Year",
                table: "leave_records",
                columns: new[] { "PersonId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_recuperation_applications_EnterpriseId",
                table: "recuperation_applications",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_recuperation_applications_PersonId",
                table: "recuperation_applications",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_recuperation_applications_ProgrammeId_PersonId",
                table: "recuperation_applications",
                columns: new[] { "ProgrammeId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recuperation_programmes_RegionCode",
                table: "recuperation_programmes",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_recuperation_results_ProgrammeId_Position",
                table: "recuperation_results",
                columns: new[] { "ProgrammeId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leave_records");

            migrationBuilder.DropTable(
                name: "recuperation_applications");

            migrationBuilder.DropTable(
                name: "recuperation_results");

            migrationBuilder.DropTable(
                name: "recuperation_programmes");
        }
    }
}
