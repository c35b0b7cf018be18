using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Biaogan.Web.Infrastructure.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddReviewers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewerPoolSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MinimumExperienceYears = table.Column<int>(type: "integer", nullable: false),
                    DefaultTermYears = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewerPoolSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewerProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NominatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NominatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    NominationNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    DeclinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DeclinedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DeclineReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AppointedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    TermEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AppointedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AppointmentNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AppointmentRecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SuspendedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SuspensionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EducationLevel = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Institution = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Major = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    GraduationYear = table.Column<int>(type: "integer", nullable: true),
                    Industries = table.Column<List<string>>(type: "text[]", nullable: false),
                    ProvinceCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    SatisfactionProgrammeExperience = table.Column<bool>(type: "boolean", nullable: false),
                    AwardReviewExperience = table.Column<bool>(type: "boolean", nullable: false),
                    Ability_JudgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Ability_JudgedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Ability_Met = table.Column<bool>(type: "boolean", nullable: true),
                    Ability_Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Conduct_JudgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Conduct_JudgedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Conduct_Met = table.Column<bool>(type: "boolean", nullable: true),
                    Conduct_Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewerProfiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReviewerSanctions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewerSanctions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewerSanctions_ReviewerProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "ReviewerProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewerTrainings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Provider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CertificateFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewerTrainings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewerTrainings_ReviewerProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "ReviewerProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewerWorkPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProfileId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmployerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EmployerUscc = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    FromYear = table.Column<int>(type: "integer", nullable: false),
                    ToYear = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewerWorkPeriods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewerWorkPeriods_ReviewerProfiles_ProfileId",
                        column: x => x.ProfileId,
                        principalTable: "ReviewerProfiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewerProfiles_Email",
                table: "ReviewerProfiles",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewerProfiles_Status",
                table: "ReviewerProfiles",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewerProfiles_UserId",
                table: "ReviewerProfiles",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReviewerSanctions_ProfileId",
                table: "ReviewerSanctions",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewerTrainings_ProfileId",
                table: "ReviewerTrainings",
                column: "ProfileId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewerWorkPeriods_EmployerUscc",
                table: "ReviewerWorkPeriods",
                column: "EmployerUscc");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewerWorkPeriods_ProfileId",
                table: "ReviewerWorkPeriods",
                column: "ProfileId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewerPoolSettings");

            migrationBuilder.DropTable(
                name: "ReviewerSanctions");

            migrationBuilder.DropTable(
                name: "ReviewerTrainings");

            migrationBuilder.DropTable(
                name: "ReviewerWorkPeriods");

            migrationBuilder.DropTable(
                name: "ReviewerProfiles");
        }
    }
}
