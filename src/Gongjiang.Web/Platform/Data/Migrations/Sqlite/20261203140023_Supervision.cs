using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "supervision_division",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    MeasureCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Leads = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_division", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_documents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    AttachmentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AttachmentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AttachmentSize = table.Column<long>(type: "INTEGER", nullable: true),
                    AttachmentSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FiledByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_problems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    MeasureCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HandlerRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    WithHandlerSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_problems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_reports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    RegionName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FirstSubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_targets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    MeasureCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_document_measures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    MeasureCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_document_measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_document_measures_supervision_documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "supervision_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervision_problem_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProblemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_problem_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_problem_events_supervision_problems_ProblemId",
                        column: x => x.ProblemId,
                        principalTable: "supervision_problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervision_report_events",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ActorRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_report_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_report_events_supervision_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "supervision_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervision_report_indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_report_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_report_indicators_supervision_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "supervision_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervision_report_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    MeasureCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Narrative = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_report_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_report_lines_supervision_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "supervision_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_division_RegionCode_MeasureCode_IsCurrent",
                table: "supervision_division",
                columns: new[] { "RegionCode", "MeasureCode", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_document_measures_DocumentId",
                table: "supervision_document_measures",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_document_measures_RegionCode_MeasureCode_IssuedOn",
                table: "supervision_document_measures",
                columns: new[] { "RegionCode", "MeasureCode", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_documents_RegionCode_Number",
                table: "supervision_documents",
                columns: new[] { "RegionCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_problem_events_ProblemId",
                table: "supervision_problem_events",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_problems_HandlerRegionCode_Status",
                table: "supervision_problems",
                columns: new[] { "HandlerRegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_problems_RegionCode",
                table: "supervision_problems",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_reminders_RegionCode_PeriodKey_Stage",
                table: "supervision_reminders",
                columns: new[] { "RegionCode", "PeriodKey", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_report_events_ReportId",
                table: "supervision_report_events",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_report_indicators_ReportId_Code",
                table: "supervision_report_indicators",
                columns: new[] { "ReportId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_report_lines_ReportId_MeasureCode",
                table: "supervision_report_lines",
                columns: new[] { "ReportId", "MeasureCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_reports_RegionCode_PeriodKey",
                table: "supervision_reports",
                columns: new[] { "RegionCode", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_reports_Year_Status_RegionCode",
                table: "supervision_reports",
                columns: new[] { "Year", "Status", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_targets_RegionCode_MeasureCode",
                table: "supervision_targets",
                columns: new[] { "RegionCode", "MeasureCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "supervision_division");

            migrationBuilder.DropTable(
                name: "supervision_document_measures");

            migrationBuilder.DropTable(
                name: "supervision_problem_events");

            migrationBuilder.DropTable(
                name: "supervision_reminders");

            migrationBuilder.DropTable(
                name: "supervision_report_events");

            migrationBuilder.DropTable(
                name: "supervision_report_indicators");

            migrationBuilder.DropTable(
                name: "supervision_report_lines");

            migrationBuilder.DropTable(
                name: "supervision_targets");

            migrationBuilder.DropTable(
                name: "supervision_documents");

            migrationBuilder.DropTable(
                name: "supervision_problems");

            migrationBuilder.DropTable(
                name: "supervision_reports");
        }
    }
}
