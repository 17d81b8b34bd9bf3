using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Supervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "supervision");

            migrationBuilder.CreateTable(
                name: "supervision_division",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    MeasureCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Leads = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Participants = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Changes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IsCurrent = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_division", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_documents",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Issuer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Measures = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    AttachmentName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AttachmentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AttachmentSize = table.Column<long>(type: "bigint", nullable: true),
                    AttachmentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FiledByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_problems",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    MeasureCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HandlerRegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    WithHandlerSince = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RaisedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_problems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_reminders",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PeriodKey = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_reports",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    RegionName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PeriodKey = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    FirstSubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UpdatedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_targets",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    MeasureCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedByName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_targets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supervision_document_measures",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    MeasureCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_document_measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_document_measures_supervision_documents_Documen~",
                        column: x => x.DocumentId,
                        principalSchema: "supervision",
                        principalTable: "supervision_documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervision_problem_events",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProblemId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorRegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_problem_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_problem_events_supervision_problems_ProblemId",
                        column: x => x.ProblemId,
                        principalSchema: "supervision",
                        principalTable: "supervision_problems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervision_report_events",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    ActorName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ActorRegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_report_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_report_events_supervision_reports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "supervision",
                        principalTable: "supervision_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervision_report_indicators",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_report_indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_report_indicators_supervision_reports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "supervision",
                        principalTable: "supervision_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "supervision_report_lines",
                schema: "supervision",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    MeasureCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Narrative = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supervision_report_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_supervision_report_lines_supervision_reports_ReportId",
                        column: x => x.ReportId,
                        principalSchema: "supervision",
                        principalTable: "supervision_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_division_RegionCode_MeasureCode_IsCurrent",
                schema: "supervision",
                table: "supervision_division",
                columns: new[] { "RegionCode", "MeasureCode", "IsCurrent" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_document_measures_DocumentId",
                schema: "supervision",
                table: "supervision_document_measures",
                column: "DocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_document_measures_RegionCode_MeasureCode_Issued~",
                schema: "supervision",
                table: "supervision_document_measures",
                columns: new[] { "RegionCode", "MeasureCode", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_documents_RegionCode_Number",
                schema: "supervision",
                table: "supervision_documents",
                columns: new[] { "RegionCode", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_problem_events_ProblemId",
                schema: "supervision",
                table: "supervision_problem_events",
                column: "ProblemId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_problems_HandlerRegionCode_Status",
                schema: "supervision",
                table: "supervision_problems",
                columns: new[] { "HandlerRegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_problems_RegionCode",
                schema: "supervision",
                table: "supervision_problems",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_reminders_RegionCode_PeriodKey_Stage",
                schema: "supervision",
                table: "supervision_reminders",
                columns: new[] { "RegionCode", "PeriodKey", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_report_events_ReportId",
                schema: "supervision",
                table: "supervision_report_events",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_supervision_report_indicators_ReportId_Code",
                schema: "supervision",
                table: "supervision_report_indicators",
                columns: new[] { "ReportId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_report_lines_ReportId_MeasureCode",
                schema: "supervision",
                table: "supervision_report_lines",
                columns: new[] { "ReportId", "MeasureCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_reports_RegionCode_PeriodKey",
                schema: "supervision",
                table: "supervision_reports",
                columns: new[] { "RegionCode", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supervision_reports_Year_Status_RegionCode",
                schema: "supervision",
                table: "supervision_reports",
                columns: new[] { "Year", "Status", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_supervision_targets_RegionCode_MeasureCode",
                schema: "supervision",
                table: "supervision_targets",
                columns: new[] { "RegionCode", "MeasureCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "supervision_division",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervision_document_measures",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervision_problem_events",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervision_reminders",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervision_report_events",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervision_report_indicators",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervision_report_lines",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervision_targets",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervision_documents",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervision_problems",
                schema: "supervision");

            migrationBuilder.DropTable(
                name: "supervision_reports",
                schema: "supervision");
        }
    }
}
