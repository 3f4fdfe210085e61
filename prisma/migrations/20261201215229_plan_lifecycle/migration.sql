-- AlterEnum: a plan's lifecycle gains 已结束 (ENDED) between 执行中 and 已归档.
-- The type is rebuilt rather than extended with ALTER TYPE … ADD VALUE: PostgreSQL refuses to use a
-- value added in the same transaction, and the statement below needs it.
ALTER TYPE "PlanStatus" RENAME TO "PlanStatus_old";
CREATE TYPE "PlanStatus" AS ENUM ('DRAFT', 'ACTIVE', 'ENDED', 'ARCHIVED');
ALTER TABLE "Plan" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Plan" ALTER COLUMN "status" TYPE "PlanStatus" USING ("status"::text::"PlanStatus");
ALTER TABLE "Plan" ALTER COLUMN "status" SET DEFAULT 'ACTIVE';
DROP TYPE "PlanStatus_old";

-- The shipped plan (2021—2025) ended on 2025-12-31: it is closed and evaluated, no longer run.
-- A plan an administrator already archived (or put back to draft) keeps its state.
UPDATE "Plan" SET "status" = 'ENDED', "updatedAt" = CURRENT_TIMESTAMP
  WHERE "code" = 'hs-gsyf-2021-2025' AND "status" = 'ACTIVE';
