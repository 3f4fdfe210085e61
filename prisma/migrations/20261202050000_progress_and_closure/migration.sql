-- CreateEnum
CREATE TYPE "ClosureState" AS ENUM ('SUBMITTED', 'AWAITING_SIGNOFF', 'RETURNED', 'CLOSED', 'REOPENED');

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "normalizedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "closureSignoff" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "progressRedPoints" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "progressYellowPoints" INTEGER NOT NULL DEFAULT 10;

-- CreateTable
CREATE TABLE "MeasureClosure" (
    "id" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "appliedById" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "state" "ClosureState" NOT NULL DEFAULT 'SUBMITTED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "returnReason" TEXT,
    "signedOffById" TEXT,
    "signedOffAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "reopenedById" TEXT,
    "reopenedAt" TIMESTAMP(3),
    "reopenReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "MeasureClosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClosureEvidence" (
    "id" TEXT NOT NULL,
    "closureId" TEXT NOT NULL,
    "originalName" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClosureEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MeasureClosure_measureId_createdAt_idx" ON "MeasureClosure"("measureId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ClosureEvidence_storedName_key" ON "ClosureEvidence"("storedName");

-- AddForeignKey
ALTER TABLE "MeasureClosure" ADD CONSTRAINT "MeasureClosure_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureClosure" ADD CONSTRAINT "MeasureClosure_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClosureEvidence" ADD CONSTRAINT "ClosureEvidence_closureId_fkey" FOREIGN KEY ("closureId") REFERENCES "MeasureClosure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- At most one application in play per measure (applied, awaiting sign-off, or closed).
CREATE UNIQUE INDEX "MeasureClosure_one_open" ON "MeasureClosure"("measureId") WHERE "state" IN ('SUBMITTED', 'AWAITING_SIGNOFF', 'CLOSED');

ALTER TABLE "Plan" ADD CONSTRAINT "Plan_progress_thresholds" CHECK ("progressYellowPoints" >= 0 AND "progressRedPoints" >= "progressYellowPoints" AND "progressRedPoints" <= 100);

-- The overview replays closures (the dashboard version of decision 007), and every page may show them.
CREATE TRIGGER "DataVersion_MeasureClosure" AFTER INSERT OR UPDATE OR DELETE ON "MeasureClosure" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"();
CREATE TRIGGER "PageVersion_ClosureEvidence" AFTER INSERT OR UPDATE OR DELETE ON "ClosureEvidence" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();
-- The 进度 light reads indicator targets: an edited target changes the overview.
CREATE TRIGGER "DataVersion_Indicator" AFTER INSERT OR UPDATE OR DELETE ON "Indicator" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"();
