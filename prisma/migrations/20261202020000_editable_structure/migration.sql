-- Decision 021: the plan's structure is editable.

-- Withdrawn (撤销) key tasks and measures: kept, marked with the day and the reason.
ALTER TABLE "KeyTask" ADD COLUMN "withdrawnAt" TIMESTAMP(3),
  ADD COLUMN "withdrawnReason" TEXT,
  ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
ALTER TABLE "Measure" ADD COLUMN "withdrawnAt" TIMESTAMP(3),
  ADD COLUMN "withdrawnReason" TEXT;
ALTER TABLE "KeyTask" ADD CONSTRAINT "KeyTask_withdrawn_with_reason" CHECK (("withdrawnAt" IS NULL) = ("withdrawnReason" IS NULL));
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_withdrawn_with_reason" CHECK (("withdrawnAt" IS NULL) = ("withdrawnReason" IS NULL));

-- Joint leads (共同牵头): each supplies its own report, which counts like the lead's. The one lead
-- stays the one lead (the partial unique index "MeasureDepartment_one_lead" is unchanged).
ALTER TABLE "MeasureDepartment" ADD COLUMN "isJointLead" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "MeasureDepartment" ADD CONSTRAINT "MeasureDepartment_lead_or_joint" CHECK (NOT ("isLead" AND "isJointLead"));

-- The shipped plan's measure 1.2 (定期信息交换: 市住建委、市交运局、市卫健委、市应急局 each report their
-- own data): its supporting departments become joint leads. Fresh installations get the same from the plan file.
UPDATE "MeasureDepartment" md SET "isJointLead" = true
  FROM "Measure" m, "KeyTask" t, "Plan" p
  WHERE md."measureId" = m."id" AND m."keyTaskId" = t."id" AND t."planId" = p."id"
    AND p."code" = 'hs-gsyf-2021-2025' AND t."number" = 1 AND m."number" = 2 AND NOT md."isLead";

-- Indicators: trends (a direction, a baseline, the change in % as the target, or none), confirmation, version.
CREATE TYPE "IndicatorDirection" AS ENUM ('DECREASE', 'INCREASE');
ALTER TABLE "Indicator" ALTER COLUMN "target" DROP NOT NULL,
  ADD COLUMN "direction" "IndicatorDirection",
  ADD COLUMN "baseline" DECIMAL(14,2),
  ADD COLUMN "confirmedAt" TIMESTAMP(3),
  ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
-- An absolute target needs its number, only a trend may give a direction alone.
ALTER TABLE "Indicator" ADD CONSTRAINT "Indicator_target_or_direction" CHECK ("target" IS NOT NULL OR "direction" IS NOT NULL);
