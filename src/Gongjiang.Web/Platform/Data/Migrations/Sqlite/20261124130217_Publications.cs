using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Publications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "publication_schedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Frequency = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publication_schedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "publications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    RegionName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PeriodKey = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PeriodName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PreparedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PreparedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PreparedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    NoticeWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticeStartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoticeEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoticeEndsOnProvisional = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApprovedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ApprovedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: true),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ListedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AddedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    RemovedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WithdrawnCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "publication_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    RegionName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    EmployerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SkillLevel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Bases = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Frontline = table.Column<bool>(type: "INTEGER", nullable: true),
                    Change = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedFields = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WithdrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publication_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_publication_entries_publications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "publication_objections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntryId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ObjectorName = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_publication_objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_publication_objections_publication_entries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "publication_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_publication_objections_publications_PublicationId",
                        column: x => x.PublicationId,
                        principalTable: "publications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_publication_entries_PersonId",
                table: "publication_entries",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_publication_entries_PublicationId_PersonId",
                table: "publication_entries",
                columns: new[] { "PublicationId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_publication_entries_PublicationId_Position",
                table: "publication_entries",
                columns: new[] { "PublicationId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_publication_objections_EntryId",
                table: "publication_objections",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_publication_objections_PublicationId_Decision",
                table: "publication_objections",
                columns: new[] { "PublicationId", "Decision" });

            migrationBuilder.CreateIndex(
                name: "IX_publication_objections_ReceiptNumber",
                table: "publication_objections",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_publication_schedules_RegionCode",
                table: "publication_schedules",
                column: "RegionCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_publications_RegionCode_PeriodKey",
                table: "publications",
                columns: new[] { "RegionCode", "PeriodKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_publications_Sequence",
                table: "publications",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_publications_Status",
                table: "publications",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "publication_objections");

            migrationBuilder.DropTable(
                name: "publication_schedules");

            migrationBuilder.DropTable(
                name: "publication_entries");

            migrationBuilder.DropTable(
                name: "publications");
        }
    }
}
