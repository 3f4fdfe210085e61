-- Decision 032: department heads (部门负责人) and their sign-off of reports, the leaders in charge of
-- departments (分管领导), and the notifications of closures and escalations.
ALTER TYPE "Role" ADD VALUE 'DEPARTMENT_HEAD';
ALTER TYPE "ReportState" ADD VALUE 'AWAITING_HEAD' BEFORE 'SUBMITTED';

ALTER TYPE "NotificationKind" ADD VALUE 'REPORT_AWAITING_HEAD';
ALTER TYPE "NotificationKind" ADD VALUE 'REPORT_HEAD_RETURNED';
ALTER TYPE "NotificationKind" ADD VALUE 'CLOSURE_APPLIED';
ALTER TYPE "NotificationKind" ADD VALUE 'CLOSURE_ACCEPTED';
ALTER TYPE "NotificationKind" ADD VALUE 'CLOSURE_RETURNED';
ALTER TYPE "NotificationKind" ADD VALUE 'CLOSURE_AWAITING_SIGNOFF';
ALTER TYPE "NotificationKind" ADD VALUE 'CLOSURE_CLOSED';
ALTER TYPE "NotificationKind" ADD VALUE 'CLOSURE_REOPENED';
ALTER TYPE "NotificationKind" ADD VALUE 'NOTICE_CLOSED';
ALTER TYPE "NotificationKind" ADD VALUE 'INSTRUCTION_CLOSED';
ALTER TYPE "NotificationKind" ADD VALUE 'ESCALATION_PROGRESS_RED';
ALTER TYPE "NotificationKind" ADD VALUE 'ESCALATION_NOTICE_RED';
ALTER TYPE "NotificationKind" ADD VALUE 'ESCALATION_INSTRUCTION_OVERDUE';

-- A department head, like a liaison, belongs to a department. (Compared as text: a value added to
-- an enum cannot be used in the transaction that adds it.)
ALTER TABLE "User" DROP CONSTRAINT "User_liaison_has_department";
ALTER TABLE "User" ADD CONSTRAINT "User_liaison_has_department" CHECK ("role"::text NOT IN ('LIAISON', 'DEPARTMENT_HEAD') OR "departmentId" IS NOT NULL);

-- 部门负责人审签, per plan.
ALTER TABLE "Plan" ADD COLUMN "headSignoff" BOOLEAN NOT NULL DEFAULT false;

-- 分管领导: the departments a leader is in charge of.
CREATE TABLE "LeaderDepartment" (
    "userId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LeaderDepartment_pkey" PRIMARY KEY ("userId","departmentId")
);
CREATE INDEX "LeaderDepartment_departmentId_idx" ON "LeaderDepartment"("departmentId");
ALTER TABLE "LeaderDepartment" ADD CONSTRAINT "LeaderDepartment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "LeaderDepartment" ADD CONSTRAINT "LeaderDepartment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;
CREATE TRIGGER "PageVersion_LeaderDepartment" AFTER INSERT OR UPDATE OR DELETE ON "LeaderDepartment" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();
