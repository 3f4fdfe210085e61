-- A department page shows its reports' states (the worklist, the returned list, the figures), never
-- a draft's text (decision 035). A change to a report row now raises its department's page counter
-- only when the row is new or gone, or its state or department changed: saving a draft again leaves
-- the department page as it is. "reportVersion" is raised by every change, as before (the report
-- pages and lists show drafts). Locks in the same order as every other writer: "DataVersion", then
-- department rows sorted.
CREATE FUNCTION "ReportPages_bump_by_report_state"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "DataVersion" SET "reportVersion" = "reportVersion" + 1 WHERE "id" = 1\073 INSERT INTO "DepartmentPageVersion" ("departmentId", "version") SELECT DISTINCT d, 1 FROM (SELECT n."departmentId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE n."state" IS DISTINCT FROM o."state" OR n."departmentId" IS DISTINCT FROM o."departmentId" UNION SELECT o."departmentId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE n."state" IS DISTINCT FROM o."state" OR n."departmentId" IS DISTINCT FROM o."departmentId" UNION SELECT n."departmentId" FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o."id" = n."id") UNION SELECT o."departmentId" FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE n."id" = o."id")) AS changed(d) ORDER BY d ON CONFLICT ("departmentId") DO UPDATE SET "version" = "DepartmentPageVersion"."version" + 1\073 RETURN NULL\073 END\073';

DROP TRIGGER "ReportPages_ProgressReport_update" ON "ProgressReport";
CREATE TRIGGER "ReportPages_ProgressReport_update" AFTER UPDATE ON "ProgressReport" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "ReportPages_bump_by_report_state"();
