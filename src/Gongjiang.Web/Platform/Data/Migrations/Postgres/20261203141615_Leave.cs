using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Leave : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "leave");

            migrationBuilder.CreateTable(
                name: "leave_records",
                schema: "leave",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    FirstWorkDate = table.Column<DateOnly>(type: "date", nullable: true),
                    HireDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EntitlementCalculated = table.Column<bool>(type: "boolean", nullable: false),
                    EntitledDays = table.Column<int>(type: "integer", nullable: false),
                    ArrangedDays = table.Column<int>(type: "integer", nullable: false),
                    TakenDays = table.Column<int>(type: "integer", nullable: false),
                    AverageMonthlyWageFen = table.Column<long>(type: "bigint", nullable: false),
                    CompensationPaidFen = table.Column<long>(type: "bigint", nullable: false),
                    WrittenRefusal = table.Column<bool>(type: "boolean", nullable: false),
                    CarriedOverDays = table.Column<int>(type: "integer", nullable: false),
                    CarriedOverTakenDays = table.Column<int>(type: "integer", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UntakenDays = table.Column<int>(type: "integer", nullable: false),
                    YearDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    CarryOverDeadline = table.Column<DateOnly>(type: "date", nullable: false),
                    InYearStatus = table.Column<int>(type: "integer", nullable: false),
                    InYearOwedDays = table.Column<int>(type: "integer", nullable: false),
                    AfterYearStatus = table.Column<int>(type: "integer", nullable: false),
                    AfterYearOwedDays = table.Column<int>(type: "integer", nullable: false),
                    AfterYearCompensableDays = table.Column<int>(type: "integer", nullable: false),
                    AfterYearDueFen = table.Column<long>(type: "bigint", nullable: false),
                    AfterYearShortfallFen = table.Column<long>(type: "bigint", nullable: false),
                    AfterCarryOverStatus = table.Column<int>(type: "integer", nullable: false),
                    AfterCarryOverCompensableDays = table.Column<int>(type: "integer", nullable: false),
                    AfterCarryOverDueFen = table.Column<long>(type: "bigint", nullable: false),
                    AfterCarryOverShortfallFen = table.Column<long>(type: "bigint", nullable: false),
                    OwedFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: true),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_leave_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recuperation_programmes",
                schema: "leave",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Organiser = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ApplicationsCloseOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Quota = table.Column<int>(type: "integer", nullable: false),
                    WaitlistSize = table.Column<int>(type: "integer", nullable: true),
                    MinimumSkillLevel = table.Column<int>(type: "integer", nullable: true),
                    FrontlineOnly = table.Column<bool>(type: "boolean", nullable: false),
                    YearsBetweenProgrammes = table.Column<int>(type: "integer", nullable: true),
                    RequiresFitness = table.Column<bool>(type: "boolean", nullable: false),
                    PriorityOrder = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TieBreak = table.Column<int>(type: "integer", nullable: false),
                    SelectedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SelectedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recuperation_programmes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recuperation_applications",
                schema: "leave",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PersonName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AppliedAtMs = table.Column<long>(type: "bigint", nullable: false),
                    Nominated = table.Column<bool>(type: "boolean", nullable: false),
                    FitForActivity = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IsLeadingTalent = table.Column<bool>(type: "boolean", nullable: false),
                    Frontline = table.Column<bool>(type: "boolean", nullable: false),
                    SkillLevel = table.Column<int>(type: "integer", nullable: true),
                    LastAttendedYear = table.Column<int>(type: "integer", nullable: true),
                    Group = table.Column<int>(type: "integer", nullable: true),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    WaitlistPosition = table.Column<int>(type: "integer", nullable: true),
                    Decision = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAtMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recuperation_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recuperation_applications_recuperation_programmes_Programme~",
                        column: x => x.ProgrammeId,
                        principalSchema: "leave",
                        principalTable: "recuperation_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "recuperation_results",
                schema: "leave",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgrammeId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    MaskedName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Group = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    WaitlistPosition = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recuperation_results", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recuperation_results_recuperation_programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalSchema: "leave",
                        principalTable: "recuperation_programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_leave_records_EnterpriseId_Year_PersonId",
                schema: "leave",
                table: "leave_records",
                columns: new[] { "EnterpriseId", "Year", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_leave_records_EnterpriseId_Year_PersonName_Id",
                schema: "leave",
                table: "leave_records",
                columns: new[] { "EnterpriseId", "Year", "PersonName", "Id" });

            migrationBuilder.CreateIndex(
                name: "ix_leave_records_owed",
                schema: "leave",
                table: "leave_records",
                columns: new[] { "Year", "RegionCode", "EnterpriseId" },
                filter: "\"OwedFrom\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_leave_records_PersonId_Year",
                schema: "leave",
                table: "leave_records",
                columns: new[] { "PersonId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_recuperation_applications_EnterpriseId",
                schema: "leave",
                table: "recuperation_applications",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_recuperation_applications_PersonId",
                schema: "leave",
                table: "recuperation_applications",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_recuperation_applications_ProgrammeId_PersonId",
                schema: "leave",
                table: "recuperation_applications",
                columns: new[] { "ProgrammeId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recuperation_programmes_RegionCode",
                schema: "leave",
                table: "recuperation_programmes",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_recuperation_results_ProgrammeId_Position",
                schema: "leave",
                table: "recuperation_results",
                columns: new[] { "ProgrammeId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leave_records",
                schema: "leave");

            migrationBuilder.DropTable(
                name: "recuperation_applications",
                schema: "leave");

            migrationBuilder.DropTable(
                name: "recuperation_results",
                schema: "leave");

            migrationBuilder.DropTable(
                name: "recuperation_programmes",
                schema: "leave");
        }
    }
}
