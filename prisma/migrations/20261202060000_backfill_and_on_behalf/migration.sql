-- CreateEnum
CREATE TYPE "ReportEntry" AS ENUM ('OWN', 'BACKFILL', 'ON_BEHALF');

-- AlterTable
ALTER TABLE "ProgressReport" ADD COLUMN     "enteredAt" TIMESTAMP(3),
ADD COLUMN     "enteredById" TEXT,
ADD COLUMN     "entry" "ReportEntry" NOT NULL DEFAULT 'OWN';

-- AlterTable
ALTER TABLE "ProgressReportRevision" ADD COLUMN     "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "entry" "ReportEntry";

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Revisions written before this migration were entered when they took effect.
UPDATE "ProgressReportRevision" SET "enteredAt" = "at";

-- A report the bureau entered (补录, 代填报) names who entered it and when, and only such a report does.
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_entered_check" CHECK (("entry" = 'OWN') = ("enteredById" IS NULL AND "enteredAt" IS NULL));
