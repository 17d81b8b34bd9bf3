using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WagesSkillsWindow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "skills");

            migrationBuilder.EnsureSchema(
                name: "window");

            migrationBuilder.EnsureSchema(
                name: "wages");

            migrationBuilder.AddColumn<Guid>(
                name: "EvaluationBodyId",
                schema: "registry",
                table: "skill_certificates",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExceptionalPromotion",
                schema: "registry",
                table: "skill_certificates",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HolderName",
                schema: "registry",
                table: "skill_certificates",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OccupationCode",
                schema: "registry",
                table: "skill_certificates",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RevocationReason",
                schema: "registry",
                table: "skill_certificates",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RevokedOn",
                schema: "registry",
                table: "skill_certificates",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "evaluation_bodies",
                schema: "skills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    IssuerPart = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    SuspendedFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "requests",
                schema: "window",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ItemCodes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApplicantName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    OutcomeReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommittedWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    StatutoryWorkingDays = table.Column<int>(type: "integer", nullable: true),
                    IdempotencyKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    FiledBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requests", x => x.Id);
                });

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
                name: "wage_schemes",
                schema: "wages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    StartYears = table.Column<int>(type: "integer", nullable: false),
                    MonthlyAmountFen = table.Column<long>(type: "bigint", nullable: false),
                    MonthlyCapFen = table.Column<long>(type: "bigint", nullable: true),
                    MinimumLevel = table.Column<int>(type: "integer", nullable: true),
                    PerApprentice = table.Column<bool>(type: "boolean", nullable: false),
                    MinimumApprentices = table.Column<int>(type: "integer", nullable: false),
                    MaximumApprentices = table.Column<int>(type: "integer", nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    EffectiveTo = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_wage_schemes", x => x.Id);
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
                name: "evaluation_body_licences",
                schema: "skills",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    OccupationCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OccupationName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LowestLevel = table.Column<int>(type: "integer", nullable: false),
                    HighestLevel = table.Column<int>(type: "integer", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_body_licences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_evaluation_body_licences_evaluation_bodies_BodyId",
                        column: x => x.BodyId,
                        principalSchema: "skills",
                        principalTable: "evaluation_bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "materials",
                schema: "window",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    MaterialCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UploadedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_materials", x => x.Id);
                    table.ForeignKey(
                        name: "FK_materials_requests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "window",
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ratings",
                schema: "window",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    ItemCodes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepartmentCodes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RatedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ratings_requests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "window",
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "request_steps",
                schema: "window",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Action = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    DepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Actor = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_request_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_request_steps_requests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "window",
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tasks",
                schema: "window",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ItemCodes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Opinion = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RoutedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tasks_requests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "window",
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                    SeniorityPayFen = table.Column<long>(type: "bigint", nullable: false),
                    ServiceStart = table.Column<DateOnly>(type: "date", nullable: true),
                    SpecialPostMonths = table.Column<int>(type: "integer", nullable: true),
                    Apprentices = table.Column<int>(type: "integer", nullable: true)
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

            migrationBuilder.CreateTable(
                name: "rectifications",
                schema: "window",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    RatingId = table.Column<Guid>(type: "uuid", nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Report = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Callback = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_rectifications_ratings_RatingId",
                        column: x => x.RatingId,
                        principalSchema: "window",
                        principalTable: "ratings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_rectifications_requests_RequestId",
                        column: x => x.RequestId,
                        principalSchema: "window",
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_skill_certificates_EvaluationBodyId",
                schema: "registry",
                table: "skill_certificates",
                column: "EvaluationBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_bodies_Name",
                schema: "skills",
                table: "evaluation_bodies",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_bodies_RegionCode",
                schema: "skills",
                table: "evaluation_bodies",
                column: "RegionCode");

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_body_licences_BodyId",
                schema: "skills",
                table: "evaluation_body_licences",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_materials_RequestId",
                schema: "window",
                table: "materials",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ratings_RegionCode_RatedOn",
                schema: "window",
                table: "ratings",
                columns: new[] { "RegionCode", "RatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ratings_RequestId",
                schema: "window",
                table: "ratings",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_RatingId",
                schema: "window",
                table: "rectifications",
                column: "RatingId");

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_RegionCode_Status_DueOn",
                schema: "window",
                table: "rectifications",
                columns: new[] { "RegionCode", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_rectifications_RequestId",
                schema: "window",
                table: "rectifications",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_request_steps_RequestId",
                schema: "window",
                table: "request_steps",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_requests_IdempotencyKey",
                schema: "window",
                table: "requests",
                column: "IdempotencyKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_requests_PersonId",
                schema: "window",
                table: "requests",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_requests_ReceiptNumber",
                schema: "window",
                table: "requests",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_requests_RegionCode_Status",
                schema: "window",
                table: "requests",
                columns: new[] { "RegionCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_tasks_DepartmentCode_RegionCode_Status_RoutedOn",
                schema: "window",
                table: "tasks",
                columns: new[] { "DepartmentCode", "RegionCode", "Status", "RoutedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_tasks_RequestId",
                schema: "window",
                table: "tasks",
                column: "RequestId");

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
                name: "IX_wage_schemes_EnterpriseId_Kind_EffectiveFrom",
                schema: "wages",
                table: "wage_schemes",
                columns: new[] { "EnterpriseId", "Kind", "EffectiveFrom" });

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
                name: "evaluation_body_licences",
                schema: "skills");

            migrationBuilder.DropTable(
                name: "materials",
                schema: "window");

            migrationBuilder.DropTable(
                name: "rectifications",
                schema: "window");

            migrationBuilder.DropTable(
                name: "request_steps",
                schema: "window");

            migrationBuilder.DropTable(
                name: "tasks",
                schema: "window");

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
                name: "wage_schemes",
                schema: "wages");

            migrationBuilder.DropTable(
                name: "wage_soe_checks",
                schema: "wages");

            migrationBuilder.DropTable(
                name: "evaluation_bodies",
                schema: "skills");

            migrationBuilder.DropTable(
                name: "ratings",
                schema: "window");

            migrationBuilder.DropTable(
                name: "wage_reports",
                schema: "wages");

            migrationBuilder.DropTable(
                name: "requests",
                schema: "window");

            migrationBuilder.DropIndex(
                name: "IX_skill_certificates_EvaluationBodyId",
                schema: "registry",
                table: "skill_certificates");

            migrationBuilder.DropColumn(
                name: "EvaluationBodyId",
                schema: "registry",
                table: "skill_certificates");

            migrationBuilder.DropColumn(
                name: "ExceptionalPromotion",
                schema: "registry",
                table: "skill_certificates");

            migrationBuilder.DropColumn(
                name: "HolderName",
                schema: "registry",
                table: "skill_certificates");

            migrationBuilder.DropColumn(
                name: "OccupationCode",
                schema: "registry",
                table: "skill_certificates");

            migrationBuilder.DropColumn(
                name: "RevocationReason",
                schema: "registry",
                table: "skill_certificates");

            migrationBuilder.DropColumn(
                name: "RevokedOn",
                schema: "registry",
                table: "skill_certificates");
        }
    }
}
