-- Decision 032: escalations to a department's head and its 分管领导, one row per occurrence.
CREATE TYPE "EscalationKind" AS ENUM ('PROGRESS_RED', 'NOTICE_RED', 'INSTRUCTION_OVERDUE');

CREATE TABLE "Escalation" (
    "id" TEXT NOT NULL,
    "kind" "EscalationKind" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "Escalation_kind_closedAt_idx" ON "Escalation"("kind", "closedAt");
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- One open occurrence per subject: a condition that lasts is told once.
CREATE UNIQUE INDEX "Escalation_one_open" ON "Escalation"("kind", "subjectId", "departmentId") WHERE "closedAt" IS NULL;
CREATE TRIGGER "PageVersion_Escalation" AFTER INSERT OR UPDATE OR DELETE ON "Escalation" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();
