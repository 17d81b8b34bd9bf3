using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Gongjiang.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ModuleSchemas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "platform");

            migrationBuilder.EnsureSchema(
                name: "registry");

            migrationBuilder.EnsureSchema(
                name: "publication");

            migrationBuilder.RenameTable(
                name: "users",
                newName: "users",
                newSchema: "platform");

            migrationBuilder.RenameTable(
                name: "user_tokens",
                newName: "user_tokens",
                newSchema: "platform");

            migrationBuilder.RenameTable(
                name: "user_roles",
                newName: "user_roles",
                newSchema: "platform");

            migrationBuilder.RenameTable(
                name: "user_logins",
                newName: "user_logins",
                newSchema: "platform");

            migrationBuilder.RenameTable(
                name: "user_claims",
                newName: "user_claims",
                newSchema: "platform");

            migrationBuilder.RenameTable(
                name: "talent_events",
                newName: "talent_events",
                newSchema: "registry");

            migrationBuilder.RenameTable(
                name: "special_allowances",
                newName: "special_allowances",
                newSchema: "registry");

            migrationBuilder.RenameTable(
                name: "skill_certificates",
                newName: "skill_certificates",
                newSchema: "registry");

            migrationBuilder.RenameTable(
                name: "roles",
                newName: "roles",
                newSchema: "platform");

            migrationBuilder.RenameTable(
                name: "role_claims",
                newName: "role_claims",
                newSchema: "platform");

            migrationBuilder.RenameTable(
                name: "review_items",
                newName: "review_items",
                newSchema: "registry");

            migrationBuilder.RenameTable(
                name: "review_campaigns",
                newName: "review_campaigns",
                newSchema: "registry");

            migrationBuilder.RenameTable(
                name: "registry_imports",
                newName: "registry_imports",
                newSchema: "registry");

            migrationBuilder.RenameTable(
                name: "registry_import_errors",
                newName: "registry_import_errors",
                newSchema: "registry");

            migrationBuilder.RenameTable(
                name: "publications",
                newName: "publications",
                newSchema: "publication");

            migrationBuilder.RenameTable(
                name: "publication_schedules",
                newName: "publication_schedules",
                newSchema: "publication");

            migrationBuilder.RenameTable(
                name: "publication_objections",
                newName: "publication_objections",
                newSchema: "publication");

            migrationBuilder.RenameTable(
                name: "publication_entries",
                newName: "publication_entries",
                newSchema: "publication");

            migrationBuilder.RenameTable(
                name: "provincial_recognitions",
                newName: "provincial_recognitions",
                newSchema: "registry");

            migrationBuilder.RenameTable(
                name: "persons",
                newName: "persons",
                newSchema: "registry");

            migrationBuilder.RenameTable(
                name: "honors",
                newName: "honors",
                newSchema: "registry");

            migrationBuilder.RenameTable(
                name: "enterprises",
                newName: "enterprises",
                newSchema: "registry");

            migrationBuilder.RenameTable(
                name: "employments",
                newName: "employments",
                newSchema: "registry");

            migrationBuilder.RenameTable(
                name: "data_protection_keys",
                newName: "data_protection_keys",
                newSchema: "platform");

            migrationBuilder.RenameTable(
                name: "audit_entries",
                newName: "audit_entries",
                newSchema: "platform");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(
                name: "users",
                schema: "platform",
                newName: "users");

            migrationBuilder.RenameTable(
                name: "user_tokens",
                schema: "platform",
                newName: "user_tokens");

            migrationBuilder.RenameTable(
                name: "user_roles",
                schema: "platform",
                newName: "user_roles");

            migrationBuilder.RenameTable(
                name: "user_logins",
                schema: "platform",
                newName: "user_logins");

            migrationBuilder.RenameTable(
                name: "user_claims",
                schema: "platform",
                newName: "user_claims");

            migrationBuilder.RenameTable(
                name: "talent_events",
                schema: "registry",
                newName: "talent_events");

            migrationBuilder.RenameTable(
                name: "special_allowances",
                schema: "registry",
                newName: "special_allowances");

            migrationBuilder.RenameTable(
                name: "skill_certificates",
                schema: "registry",
                newName: "skill_certificates");

            migrationBuilder.RenameTable(
                name: "roles",
                schema: "platform",
                newName: "roles");

            migrationBuilder.RenameTable(
                name: "role_claims",
                schema: "platform",
                newName: "role_claims");

            migrationBuilder.RenameTable(
                name: "review_items",
                schema: "registry",
                newName: "review_items");

            migrationBuilder.RenameTable(
                name: "review_campaigns",
                schema: "registry",
                newName: "review_campaigns");

            migrationBuilder.RenameTable(
                name: "registry_imports",
                schema: "registry",
                newName: "registry_imports");

            migrationBuilder.RenameTable(
                name: "registry_import_errors",
                schema: "registry",
                newName: "registry_import_errors");

            migrationBuilder.RenameTable(
                name: "publications",
                schema: "publication",
                newName: "publications");

            migrationBuilder.RenameTable(
                name: "publication_schedules",
                schema: "publication",
                newName: "publication_schedules");

            migrationBuilder.RenameTable(
                name: "publication_objections",
                schema: "publication",
                newName: "publication_objections");

            migrationBuilder.RenameTable(
                name: "publication_entries",
                schema: "publication",
                newName: "publication_entries");

            migrationBuilder.RenameTable(
                name: "provincial_recognitions",
                schema: "registry",
                newName: "provincial_recognitions");

            migrationBuilder.RenameTable(
                name: "persons",
                schema: "registry",
                newName: "persons");

            migrationBuilder.RenameTable(
                name: "honors",
                schema: "registry",
                newName: "honors");

            migrationBuilder.RenameTable(
                name: "enterprises",
                schema: "registry",
                newName: "enterprises");

            migrationBuilder.RenameTable(
                name: "employments",
                schema: "registry",
                newName: "employments");

            migrationBuilder.RenameTable(
                name: "data_protection_keys",
                schema: "platform",
                newName: "data_protection_keys");

            migrationBuilder.RenameTable(
                name: "audit_entries",
                schema: "platform",
                newName: "audit_entries");
        }
    }
}
