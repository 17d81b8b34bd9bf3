using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WindowRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rectifications",
                schema: "window");

            migrationBuilder.DropTable(
                name: "ratings",
                schema: "window");
        }
    }
}
