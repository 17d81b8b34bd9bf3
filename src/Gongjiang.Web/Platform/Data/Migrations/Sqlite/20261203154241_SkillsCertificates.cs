using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SkillsCertificates : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "evaluation_body_licences");

            migrationBuilder.DropTable(
                name: "evaluation_bodies");

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
