using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SkillsCertificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "skills");

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluation_body_licences",
                schema: "skills");

            migrationBuilder.DropTable(
                name: "evaluation_bodies",
                schema: "skills");

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
