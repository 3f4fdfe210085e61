-- CreateTable
CREATE TABLE "MeasureCarryover" (
    "id" TEXT NOT NULL,
    "originMeasureId" TEXT NOT NULL,
    "measureId" TEXT NOT NULL,
    "targetPlanId" TEXT NOT NULL,
    "carriedById" TEXT NOT NULL,
    "carriedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasureCarryover_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "MeasureCarryover_measureId_key" ON "MeasureCarryover"("measureId");

-- CreateIndex
CREATE UNIQUE INDEX "MeasureCarryover_originMeasureId_targetPlanId_key" ON "MeasureCarryover"("originMeasureId", "targetPlanId");

-- AddForeignKey
ALTER TABLE "MeasureCarryover" ADD CONSTRAINT "MeasureCarryover_originMeasureId_fkey" FOREIGN KEY ("originMeasureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureCarryover" ADD CONSTRAINT "MeasureCarryover_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureCarryover" ADD CONSTRAINT "MeasureCarryover_targetPlanId_fkey" FOREIGN KEY ("targetPlanId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A measure is not carried into the plan it belongs to.
ALTER TABLE "MeasureCarryover" ADD CONSTRAINT "MeasureCarryover_not_itself" CHECK ("originMeasureId" <> "measureId");

-- Both measure pages show the link (结转至 / 结转自): a carry-over changes pages only.
CREATE TRIGGER "PageVersion_MeasureCarryover" AFTER INSERT OR UPDATE OR DELETE ON "MeasureCarryover" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();
