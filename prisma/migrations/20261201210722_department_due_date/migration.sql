-- CreateTable
CREATE TABLE "DepartmentDueDate" (
    "periodId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DepartmentDueDate_pkey" PRIMARY KEY ("periodId","departmentId")
);

-- CreateIndex
CREATE INDEX "DepartmentDueDate_departmentId_idx" ON "DepartmentDueDate"("departmentId");

-- AddForeignKey
ALTER TABLE "DepartmentDueDate" ADD CONSTRAINT "DepartmentDueDate_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentDueDate" ADD CONSTRAINT "DepartmentDueDate_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The dashboards and pages read these dates: every change raises both counters (decisions 007, 009).
CREATE TRIGGER "DataVersion_DepartmentDueDate" AFTER INSERT OR UPDATE OR DELETE ON "DepartmentDueDate" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"();

-- Extensions approved before this migration moved the period's due date for every department.
-- Each becomes its department's own date, and the period goes back to the date an administrator
-- last set (or the scheduled one), which is what the history replay computes for it.
INSERT INTO "DepartmentDueDate" ("periodId", "departmentId", "dueDate", "updatedAt")
  SELECT e."periodId", e."departmentId", MAX(e."requestedDueDate"), CURRENT_TIMESTAMP FROM "ExtensionRequest" e
  WHERE e."state" = 'APPROVED' GROUP BY e."periodId", e."departmentId"
  ON CONFLICT ("periodId", "departmentId") DO NOTHING;
UPDATE "ReportingPeriod" p SET "version" = p."version" + 1, "dueDate" = COALESCE(
    (SELECT (a."after"->>'dueDate')::date FROM "AuditEvent" a WHERE a."action" = 'period.set_due_date' AND a."entityId" = p."id" ORDER BY a."id" DESC LIMIT 1),
    p."originalDueDate")
  WHERE EXISTS (SELECT 1 FROM "ExtensionRequest" e WHERE e."periodId" = p."id" AND e."state" = 'APPROVED');
