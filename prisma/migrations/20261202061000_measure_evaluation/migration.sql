-- CreateEnum
CREATE TYPE "EvaluationVerdict" AS ENUM ('COMPLETED', 'MOSTLY_COMPLETED', 'NOT_COMPLETED', 'NORMALIZED');

-- CreateTable
CREATE TABLE "MeasureEvaluation" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "proposed" "EvaluationVerdict" NOT NULL,
    "verdict" "EvaluationVerdict" NOT NULL,
    "reason" TEXT,
    "confirmedById" TEXT NOT NULL,
    "confirmedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "MeasureEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MeasureEvaluation_measureId_key" ON "MeasureEvaluation"("measureId");

-- CreateIndex
CREATE INDEX "MeasureEvaluation_planId_idx" ON "MeasureEvaluation"("planId");

-- AddForeignKey
ALTER TABLE "MeasureEvaluation" ADD CONSTRAINT "MeasureEvaluation_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureEvaluation" ADD CONSTRAINT "MeasureEvaluation_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A verdict other than the proposed one carries its reason.
ALTER TABLE "MeasureEvaluation" ADD CONSTRAINT "MeasureEvaluation_reason_for_change" CHECK ("verdict" = "proposed" OR length(btrim(coalesce("reason", ''))) > 0);

-- Pages that show verdicts are rendered again after a write (decision 022).
CREATE TRIGGER "PageVersion_MeasureEvaluation" AFTER INSERT OR UPDATE OR DELETE ON "MeasureEvaluation" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();
