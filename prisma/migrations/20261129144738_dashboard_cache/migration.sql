-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DataVersion_pkey" PRIMARY KEY ("id")
);

-- The single row, and the statement triggers that bump it on any change to what dashboards read.
INSERT INTO "DataVersion" ("id", "version") VALUES (1, 0);
-- Semicolons inside the body are spelled \073: the migration runner splits at every semicolon.
CREATE FUNCTION "DataVersion_bump"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1\073 RETURN NULL\073 END\073';
CREATE TRIGGER "DataVersion_Plan" AFTER INSERT OR UPDATE OR DELETE ON "Plan" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"();
CREATE TRIGGER "DataVersion_KeyTask" AFTER INSERT OR UPDATE OR DELETE ON "KeyTask" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"();
CREATE TRIGGER "DataVersion_Measure" AFTER INSERT OR UPDATE OR DELETE ON "Measure" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"();
CREATE TRIGGER "DataVersion_Department" AFTER INSERT OR UPDATE OR DELETE ON "Department" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"();
CREATE TRIGGER "DataVersion_MeasureDepartment" AFTER INSERT OR UPDATE OR DELETE ON "MeasureDepartment" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"();
CREATE TRIGGER "DataVersion_ReportingPeriod" AFTER INSERT OR UPDATE OR DELETE ON "ReportingPeriod" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"();
CREATE TRIGGER "DataVersion_ProgressReportRevision" AFTER INSERT OR UPDATE OR DELETE ON "ProgressReportRevision" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"();
CREATE TRIGGER "DataVersion_ExtensionRequest" AFTER INSERT OR UPDATE OR DELETE ON "ExtensionRequest" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"();
CREATE TRIGGER "DataVersion_AuditEvent_due_dates" AFTER INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW."action" = 'period.set_due_date') EXECUTE FUNCTION "DataVersion_bump"();
