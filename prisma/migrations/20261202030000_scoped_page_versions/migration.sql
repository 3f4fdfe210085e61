-- Scoped page versions (decision 022): a report save no longer raises the global "pageVersion".
-- Report data raises "reportVersion" (read by the pages that list reports) and the counter of
-- each department whose reports changed (its department page), review events still raise the
-- dashboard "version", and the overviews rendered page follows the recomputed figures instead.
ALTER TABLE "DataVersion" ADD COLUMN "reportVersion" BIGINT NOT NULL DEFAULT 0;

CREATE TABLE "DepartmentPageVersion" (
    "departmentId" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "DepartmentPageVersion_pkey" PRIMARY KEY ("departmentId")
);

-- Reports (rows carrying "departmentId"). DataVersion first, then department rows in order:
-- every writer takes the locks in the same order.
CREATE FUNCTION "ReportPages_bump_by_department"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "DataVersion" SET "reportVersion" = "reportVersion" + 1 WHERE "id" = 1\073 IF TG_OP = ''INSERT'' THEN INSERT INTO "DepartmentPageVersion" ("departmentId", "version") SELECT DISTINCT d, 1 FROM (SELECT "departmentId" FROM new_rows) AS changed(d) ORDER BY d ON CONFLICT ("departmentId") DO UPDATE SET "version" = "DepartmentPageVersion"."version" + 1\073 ELSIF TG_OP = ''DELETE'' THEN INSERT INTO "DepartmentPageVersion" ("departmentId", "version") SELECT DISTINCT d, 1 FROM (SELECT "departmentId" FROM old_rows) AS changed(d) ORDER BY d ON CONFLICT ("departmentId") DO UPDATE SET "version" = "DepartmentPageVersion"."version" + 1\073 ELSE INSERT INTO "DepartmentPageVersion" ("departmentId", "version") SELECT DISTINCT d, 1 FROM (SELECT "departmentId" FROM new_rows UNION SELECT "departmentId" FROM old_rows) AS changed(d) ORDER BY d ON CONFLICT ("departmentId") DO UPDATE SET "version" = "DepartmentPageVersion"."version" + 1\073 END IF\073 RETURN NULL\073 END\073';
-- What belongs to a report (rows carrying "reportId"): the report department.
CREATE FUNCTION "ReportPages_bump_by_report"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "DataVersion" SET "reportVersion" = "reportVersion" + 1 WHERE "id" = 1\073 IF TG_OP = ''INSERT'' THEN INSERT INTO "DepartmentPageVersion" ("departmentId", "version") SELECT DISTINCT r."departmentId", 1 FROM new_rows n JOIN "ProgressReport" r ON r."id" = n."reportId" ORDER BY 1 ON CONFLICT ("departmentId") DO UPDATE SET "version" = "DepartmentPageVersion"."version" + 1\073 ELSIF TG_OP = ''DELETE'' THEN INSERT INTO "DepartmentPageVersion" ("departmentId", "version") SELECT DISTINCT r."departmentId", 1 FROM old_rows o JOIN "ProgressReport" r ON r."id" = o."reportId" ORDER BY 1 ON CONFLICT ("departmentId") DO UPDATE SET "version" = "DepartmentPageVersion"."version" + 1\073 ELSE INSERT INTO "DepartmentPageVersion" ("departmentId", "version") SELECT DISTINCT r."departmentId", 1 FROM (SELECT "reportId" FROM new_rows UNION SELECT "reportId" FROM old_rows) AS changed(id) JOIN "ProgressReport" r ON r."id" = changed.id ORDER BY 1 ON CONFLICT ("departmentId") DO UPDATE SET "version" = "DepartmentPageVersion"."version" + 1\073 END IF\073 RETURN NULL\073 END\073';

DROP TRIGGER "PageVersion_ProgressReport" ON "ProgressReport";
CREATE TRIGGER "ReportPages_ProgressReport_insert" AFTER INSERT ON "ProgressReport" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ReportPages_bump_by_department"();
CREATE TRIGGER "ReportPages_ProgressReport_update" AFTER UPDATE ON "ProgressReport" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ReportPages_bump_by_department"();
CREATE TRIGGER "ReportPages_ProgressReport_delete" AFTER DELETE ON "ProgressReport" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ReportPages_bump_by_department"();

DROP TRIGGER "PageVersion_IndicatorValue" ON "IndicatorValue";
CREATE TRIGGER "ReportPages_IndicatorValue_insert" AFTER INSERT ON "IndicatorValue" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ReportPages_bump_by_report"();
CREATE TRIGGER "ReportPages_IndicatorValue_update" AFTER UPDATE ON "IndicatorValue" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ReportPages_bump_by_report"();
CREATE TRIGGER "ReportPages_IndicatorValue_delete" AFTER DELETE ON "IndicatorValue" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ReportPages_bump_by_report"();

DROP TRIGGER "PageVersion_Attachment" ON "Attachment";
CREATE TRIGGER "ReportPages_Attachment_insert" AFTER INSERT ON "Attachment" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ReportPages_bump_by_report"();
CREATE TRIGGER "ReportPages_Attachment_update" AFTER UPDATE ON "Attachment" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ReportPages_bump_by_report"();
CREATE TRIGGER "ReportPages_Attachment_delete" AFTER DELETE ON "Attachment" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ReportPages_bump_by_report"();

-- Review events: the dashboard data ("version", no longer the global "pageVersion") and the report pages.
CREATE FUNCTION "DataVersion_bump_dashboards"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "id" = 1\073 RETURN NULL\073 END\073';
DROP TRIGGER "DataVersion_ProgressReportRevision" ON "ProgressReportRevision";
CREATE TRIGGER "DataVersion_ProgressReportRevision" AFTER INSERT OR UPDATE OR DELETE ON "ProgressReportRevision" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_dashboards"();
CREATE TRIGGER "ReportPages_ProgressReportRevision_insert" AFTER INSERT ON "ProgressReportRevision" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ReportPages_bump_by_report"();
CREATE TRIGGER "ReportPages_ProgressReportRevision_update" AFTER UPDATE ON "ProgressReportRevision" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ReportPages_bump_by_report"();
CREATE TRIGGER "ReportPages_ProgressReportRevision_delete" AFTER DELETE ON "ProgressReportRevision" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "ReportPages_bump_by_report"();

-- The audit trail: bookkeeping raises nothing (decision 011), a report own entries raise the
-- report counter, anything else the global one.
CREATE OR REPLACE FUNCTION "DataVersion_bump_pages_unless_bookkeeping"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF EXISTS (SELECT 1 FROM new_rows WHERE "action" NOT LIKE ''auth.%'' AND "action" NOT IN (''notification.mark_read'', ''user.end_sessions'') AND "action" NOT LIKE ''report.%'') THEN UPDATE "DataVersion" SET "pageVersion" = "pageVersion" + 1 WHERE "id" = 1\073 ELSIF EXISTS (SELECT 1 FROM new_rows WHERE "action" LIKE ''report.%'') THEN UPDATE "DataVersion" SET "reportVersion" = "reportVersion" + 1 WHERE "id" = 1\073 END IF\073 RETURN NULL\073 END\073';
