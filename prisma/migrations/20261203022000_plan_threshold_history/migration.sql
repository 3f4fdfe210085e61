-- Decision 032: a plan's 进度 thresholds as history, each with the day it took effect.
CREATE TABLE "PlanThresholds" (
    "id" TEXT NOT NULL,
    "planId" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "progressYellowPoints" INTEGER NOT NULL,
    "progressRedPoints" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlanThresholds_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "PlanThresholds_planId_effectiveFrom_key" ON "PlanThresholds"("planId", "effectiveFrom");
ALTER TABLE "PlanThresholds" ADD CONSTRAINT "PlanThresholds_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "PlanThresholds" ADD CONSTRAINT "PlanThresholds_points_check" CHECK (0 <= "progressYellowPoints" AND "progressYellowPoints" <= "progressRedPoints" AND "progressRedPoints" <= 100);
-- The overview replays with them: a change raises the dashboards' version.
CREATE TRIGGER "DataVersion_PlanThresholds" AFTER INSERT OR UPDATE OR DELETE ON "PlanThresholds" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"();
