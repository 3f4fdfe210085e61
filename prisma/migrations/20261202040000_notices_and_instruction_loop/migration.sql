-- CreateEnum
CREATE TYPE "InstructionState" AS ENUM ('PENDING', 'ASSIGNED', 'REPLIED', 'CLOSED');

-- CreateEnum
CREATE TYPE "NoticeColour" AS ENUM ('BLUE', 'YELLOW', 'RED');

-- CreateEnum
CREATE TYPE "NoticeState" AS ENUM ('ISSUED', 'SIGNED', 'REPLIED', 'CLOSED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'INSTRUCTION_ASSIGNED';
ALTER TYPE "NotificationKind" ADD VALUE 'INSTRUCTION_REPLIED';
ALTER TYPE "NotificationKind" ADD VALUE 'INSTRUCTION_RETURNED';
ALTER TYPE "NotificationKind" ADD VALUE 'NOTICE_ISSUED';
ALTER TYPE "NotificationKind" ADD VALUE 'NOTICE_REPLIED';
ALTER TYPE "NotificationKind" ADD VALUE 'NOTICE_RETURNED';

-- AlterTable
ALTER TABLE "LeaderInstruction" ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "assignedById" TEXT,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "closedById" TEXT,
ADD COLUMN     "deadline" DATE,
ADD COLUMN     "departmentId" TEXT,
ADD COLUMN     "repliedAt" TIMESTAMP(3),
ADD COLUMN     "repliedById" TEXT,
ADD COLUMN     "reply" TEXT,
ADD COLUMN     "returnReason" TEXT,
ADD COLUMN     "returnedAt" TIMESTAMP(3),
ADD COLUMN     "state" "InstructionState" NOT NULL DEFAULT 'PENDING',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "SupervisionNotice" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "serial" INTEGER NOT NULL,
    "departmentId" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "periodId" TEXT,
    "colour" "NoticeColour" NOT NULL,
    "dueDate" DATE NOT NULL,
    "text" TEXT NOT NULL,
    "state" "NoticeState" NOT NULL DEFAULT 'ISSUED',
    "issuedById" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signedById" TEXT,
    "signedAt" TIMESTAMP(3),
    "reply" TEXT,
    "repliedById" TEXT,
    "repliedAt" TIMESTAMP(3),
    "returnReason" TEXT,
    "returnedAt" TIMESTAMP(3),
    "closedById" TEXT,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SupervisionNotice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SupervisionNotice_departmentId_state_idx" ON "SupervisionNotice"("departmentId", "state");

-- CreateIndex
CREATE INDEX "SupervisionNotice_measureId_idx" ON "SupervisionNotice"("measureId");

-- CreateIndex
CREATE UNIQUE INDEX "SupervisionNotice_year_serial_key" ON "SupervisionNotice"("year", "serial");

-- CreateIndex
CREATE INDEX "LeaderInstruction_departmentId_state_idx" ON "LeaderInstruction"("departmentId", "state");

-- AddForeignKey
ALTER TABLE "LeaderInstruction" ADD CONSTRAINT "LeaderInstruction_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "ReportingPeriod"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What the states promise, enforced by the database (decision 023).
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_serial_positive" CHECK ("serial" > 0);
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_signed" CHECK ("state" = 'ISSUED' OR "signedAt" IS NOT NULL);
ALTER TABLE "SupervisionNotice" ADD CONSTRAINT "SupervisionNotice_replied" CHECK ("state" NOT IN ('REPLIED', 'CLOSED') OR "reply" IS NOT NULL);
ALTER TABLE "LeaderInstruction" ADD CONSTRAINT "LeaderInstruction_assigned" CHECK ("state" = 'PENDING' OR ("departmentId" IS NOT NULL AND "deadline" IS NOT NULL));
ALTER TABLE "LeaderInstruction" ADD CONSTRAINT "LeaderInstruction_replied" CHECK ("state" NOT IN ('REPLIED', 'CLOSED') OR "reply" IS NOT NULL);

-- Pages show notices: every change raises the page version (decision 009).
CREATE TRIGGER "PageVersion_SupervisionNotice" AFTER INSERT OR UPDATE OR DELETE ON "SupervisionNotice" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();

-- Instructions written before the loop were shown to the measure's lead department: they stay with it,
-- as 待交办 (no deadline was ever set), until a leader or the bureau assigns them with a deadline.
UPDATE "LeaderInstruction" i SET "departmentId" = md."departmentId"
  FROM "MeasureDepartment" md WHERE md."measureId" = i."measureId" AND md."isLead" AND i."departmentId" IS NULL;

-- Every notification names its measure: decisions on extensions sent before now get theirs from the period they link to.
UPDATE "Notification" n SET "params" = n."params" || jsonb_build_object('measure', kt."number"::text || '.' || m."number"::text)
  FROM "ReportingPeriod" p JOIN "Measure" m ON m."id" = p."measureId" JOIN "KeyTask" kt ON kt."id" = m."keyTaskId"
  WHERE n."kind" = 'EXTENSION_DECIDED' AND n."link" = '/reports/' || p."id" AND jsonb_typeof(n."params") = 'object';
