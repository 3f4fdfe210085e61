-- The transaction that wrote each review event (decision 034): the overview's figures are kept up to
-- date by recomputing only the measures whose events were committed since the figures were read,
-- found precisely with the snapshot those figures were read under (pg_visible_in_snapshot).
ALTER TABLE "ProgressReportRevision" ADD COLUMN "writtenBy" xid8 DEFAULT pg_current_xact_id();
CREATE INDEX "ProgressReportRevision_writtenBy_idx" ON "ProgressReportRevision" ("writtenBy");

-- Whether the dashboards may bring their figures up to date measure by measure: `historyVersion` is
-- raised by every change they read except a new review event (the structure, due dates, extensions,
-- closures, indicators, and any change to or removal of an existing review event). While it holds,
-- the new events are all there is to read.
ALTER TABLE "DataVersion" ADD COLUMN "historyVersion" BIGINT NOT NULL DEFAULT 0;
CREATE OR REPLACE FUNCTION "DataVersion_bump"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "DataVersion" SET "version" = "version" + 1, "pageVersion" = "pageVersion" + 1, "historyVersion" = "historyVersion" + 1 WHERE "id" = 1\073 RETURN NULL\073 END\073';
CREATE FUNCTION "DataVersion_bump_history"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "DataVersion" SET "version" = "version" + 1, "historyVersion" = "historyVersion" + 1 WHERE "id" = 1\073 RETURN NULL\073 END\073';
DROP TRIGGER "DataVersion_ProgressReportRevision" ON "ProgressReportRevision";
CREATE TRIGGER "DataVersion_ProgressReportRevision" AFTER INSERT ON "ProgressReportRevision" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_dashboards"();
CREATE TRIGGER "DataVersion_ProgressReportRevision_changed" AFTER UPDATE OR DELETE ON "ProgressReportRevision" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_history"();

-- A department's or a measure's own figures read the reports of its measures alone.
CREATE INDEX "ProgressReport_measureId_idx" ON "ProgressReport" ("measureId");

-- Every reading of a plan's history reads the due-date edits among the audit events: found without reading the whole trail.
CREATE INDEX "AuditEvent_due_date_edits" ON "AuditEvent"("id") WHERE "action" = 'period.set_due_date';
