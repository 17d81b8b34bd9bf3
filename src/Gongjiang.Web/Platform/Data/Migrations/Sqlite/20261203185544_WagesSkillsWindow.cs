using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WagesSkillsWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "EvaluationBodyId",
                table: "skill_certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExceptionalPromotion",
                table: "skill_certificates",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HolderName",
                table: "skill_certificates",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OccupationCode",
                table: "skill_certificates",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationReason",
                table: "skill_certificates",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RevokedOn",
                table: "skill_certificates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "evaluation_bodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuerPart = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SuspendedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "requests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ItemCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    OutcomeReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CommittedWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    StatutoryWorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests", x => x.Id);
                });

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
                name: "evaluation_body_licences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OccupationCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OccupationName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LowestLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    HighestLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_body_licences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evaluation_body_licences_evaluation_bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "evaluation_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "materials",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MaterialCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_materials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_materials_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ratings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ItemCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepartmentCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ratings_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "request_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_request_steps_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ItemCodes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Opinion = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RoutedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tasks_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                    SeniorityPayFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ServiceStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SpecialPostMonths = table.Column<int>(type: "INTEGER", nullable: true),
                    Apprentices = table.Column<int>(type: "INTEGER", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "rectifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RatingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Report = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Callback = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rectifications_ratings_RatingId",
                        column: x => x.RatingId,
                        principalTable: "ratings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rectifications_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_skill_certificates_EvaluationBodyId",
                table: "skill_certificates",
                column: "EvaluationBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_bodies_Name",
                table: "evaluation_bodies",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_bodies_RegionCode",
                table: "evaluation_bodies",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_body_licences_BodyId",
                table: "evaluation_body_licences",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_materials_RequestId",
                table: "materials",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ratings_RegionCode_RatedOn",
                table: "ratings",
                columns: new[] { "RegionCode", "RatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ratings_RequestId",
                table: "ratings",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_RatingId",
                table: "rectifications",
                column: "RatingId");

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_RegionCode_Status_DueOn",
                table: "rectifications",
                columns: new[] { "RegionCode", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_RequestId",
                table: "rectifications",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_request_steps_RequestId",
                table: "request_steps",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_requests_IdempotencyKey",
                table: "requests",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_requests_PersonId",
                table: "requests",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_requests_ReceiptNumber",
                table: "requests",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_requests_RegionCode_Status",
                table: "requests",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_tasks_DepartmentCode_RegionCode_Status_RoutedOn",
                table: "tasks",
                columns: new[] { "DepartmentCode", "RegionCode", "Status", "RoutedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_tasks_RequestId",
                table: "tasks",
                column: "RequestId");

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
                name: "IX_wage_schemes_EnterpriseId_Kind_EffectiveFrom",
                table: "wage_schemes",
                columns: new[] { "EnterpriseId", "Kind", "EffectiveFrom" });

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
                name: "evaluation_body_licences");

            migrationBuilder.DropTable(
                name: "materials");

            migrationBuilder.DropTable(
                name: "rectifications");

            migrationBuilder.DropTable(
                name: "request_steps");

            migrationBuilder.DropTable(
                name: "tasks");

            migrationBuilder.DropTable(
                name: "wage_level_cells");

            migrationBuilder.DropTable(
                name: "wage_rectifications");

            migrationBuilder.DropTable(
                name: "wage_report_lines");

            migrationBuilder.DropTable(
                name: "wage_schemes");

            migrationBuilder.DropTable(
                name: "wage_soe_checks");

            migrationBuilder.DropTable(
                name: "evaluation_bodies");

            migrationBuilder.DropTable(
                name: "ratings");

            migrationBuilder.DropTable(
                name: "wage_reports");

            migrationBuilder.DropTable(
                name: "requests");

            migrationBuilder.DropIndex(
                name: "IX_skill_certificates_EvaluationBodyId",
                table: "skill_certificates");

            migrationBuilder.DropColumn(
                name: "EvaluationBodyId",
                table: "skill_certificates");

            migrationBuilder.DropColumn(
                name: "ExceptionalPromotion",
                table: "skill_certificates");

            migrationBuilder.DropColumn(
                name: "HolderName",
                table: "skill_certificates");

            migrationBuilder.DropColumn(
                name: "OccupationCode",
                table: "skill_certificates");

            migrationBuilder.DropColumn(
                name: "RevocationReason",
                table: "skill_certificates");

            migrationBuilder.DropColumn(
                name: "RevokedOn",
                table: "skill_certificates");
        }
    }
}
