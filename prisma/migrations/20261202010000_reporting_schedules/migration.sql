-- Each measure reports on its own schedule (decision 020): a reporting cadence per measure with a
-- default per plan, a tracking start per plan and per measure, checkpoints, the confirmation a
-- deadline before the plan start needs, and a working-day calendar for due dates.
-- Semicolons inside function bodies are spelled \073: the migration runner splits at every semicolon.

-- AlterEnum: regular periods of the other cadences. Not used by a statement below, so ADD VALUE is safe here.
ALTER TYPE "PeriodKind" ADD VALUE 'MONTH';
ALTER TYPE "PeriodKind" ADD VALUE 'HALF_YEAR';
ALTER TYPE "PeriodKind" ADD VALUE 'YEAR';

-- CreateEnum
CREATE TYPE "ReportingCadence" AS ENUM ('NONE', 'MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'ANNUAL');

-- AlterTable
ALTER TABLE "Plan" ADD COLUMN "defaultCadence" "ReportingCadence" NOT NULL DEFAULT 'QUARTERLY',
ADD COLUMN "trackingStart" DATE;

-- AlterTable
ALTER TABLE "Measure" ADD COLUMN "cadence" "ReportingCadence",
ADD COLUMN "checkpoints" DATE[],
ADD COLUMN "deadlineConfirmed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN "trackingStart" DATE;

-- CreateTable
CREATE TABLE "WorkingCalendarDay" (
    "day" DATE NOT NULL,
    "working" BOOLEAN NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkingCalendarDay_pkey" PRIMARY KEY ("day")
);

CREATE TRIGGER "PageVersion_WorkingCalendarDay" AFTER INSERT OR UPDATE OR DELETE ON "WorkingCalendarDay" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();

-- The calendar for 2021—2027 as the chinese-days package publishes it (scripts/working-calendar-sql.ts
-- wrote this statement, tests/integration/reporting-schedules.test.ts checks it against the package).
INSERT INTO "WorkingCalendarDay" ("day", "working", "name", "source", "updatedAt") VALUES
  ('2021-01-01', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-01-02', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-01-03', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-02-07', true, '春节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-02-11', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-02-12', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-02-13', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-02-14', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-02-15', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-02-16', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-02-17', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-02-20', true, '春节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-04-03', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-04-04', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-04-05', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-04-25', true, '劳动节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-05-01', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-05-02', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-05-03', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-05-04', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-05-05', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-05-08', true, '劳动节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-06-12', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-06-13', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-06-14', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-09-18', true, '中秋调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-09-19', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-09-20', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-09-21', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-09-26', true, '国庆节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-10-01', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-10-02', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-10-03', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-10-04', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-10-05', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-10-06', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-10-07', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2021-10-09', true, '国庆节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-01-01', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-01-02', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-01-03', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-01-29', true, '春节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-01-30', true, '春节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-01-31', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-02-01', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-02-02', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-02-03', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-02-04', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-02-05', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-02-06', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-04-02', true, '清明调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-04-03', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-04-04', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-04-05', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-04-24', true, '劳动节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-04-30', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-05-01', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-05-02', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-05-03', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-05-04', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-05-07', true, '劳动节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-06-03', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-06-04', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-06-05', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-09-10', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-09-11', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-09-12', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-10-01', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-10-02', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-10-03', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-10-04', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-10-05', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-10-06', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-10-07', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-10-08', true, '国庆节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-10-09', true, '国庆节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2022-12-31', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-01-01', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-01-02', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-01-21', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-01-22', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-01-23', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-01-24', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-01-25', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-01-26', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-01-27', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-01-28', true, '春节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-01-29', true, '春节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-04-05', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-04-23', true, '劳动节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-04-29', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-04-30', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-05-01', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-05-02', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-05-03', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-05-06', true, '劳动节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-06-22', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-06-23', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-06-24', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-06-25', true, '端午调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-09-29', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-09-30', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-10-01', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-10-02', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-10-03', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-10-04', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-10-05', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-10-06', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-10-07', true, '国庆节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2023-10-08', true, '国庆节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-01-01', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-02-04', true, '春节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-02-10', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-02-11', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-02-12', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-02-13', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-02-14', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-02-15', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-02-16', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-02-17', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-02-18', true, '春节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-04-04', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-04-05', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-04-06', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-04-07', true, '清明调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-04-28', true, '劳动节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-05-01', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-05-02', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-05-03', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-05-04', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-05-05', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-05-11', true, '劳动节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-06-10', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-09-14', true, '中秋调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-09-15', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-09-16', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-09-17', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-09-29', true, '国庆节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-10-01', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-10-02', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-10-03', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-10-04', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-10-05', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-10-06', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-10-07', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2024-10-12', true, '国庆节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-01-01', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-01-26', true, '春节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-01-28', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-01-29', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-01-30', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-01-31', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-02-01', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-02-02', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-02-03', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-02-04', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-02-08', true, '春节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-04-04', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-04-05', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-04-06', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-04-27', true, '劳动节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-05-01', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-05-02', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-05-03', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-05-04', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-05-05', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-05-31', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-06-01', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-06-02', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-09-28', true, '国庆节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-10-01', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-10-02', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-10-03', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-10-04', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-10-05', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-10-06', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-10-07', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-10-08', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2025-10-11', true, '国庆节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-01-01', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-01-02', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-01-03', false, '元旦', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-01-04', true, '元旦调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-02-14', true, '春节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-02-15', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-02-16', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-02-17', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-02-18', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-02-19', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-02-20', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-02-21', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-02-22', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-02-23', false, '春节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-02-28', true, '春节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-04-04', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-04-05', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-04-06', false, '清明', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-05-01', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-05-02', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-05-03', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-05-04', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-05-05', false, '劳动节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-05-09', true, '劳动节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-06-19', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-06-20', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-06-21', false, '端午', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-09-20', true, '国庆节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-09-25', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-09-26', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-09-27', false, '中秋', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-10-01', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-10-02', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-10-03', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-10-04', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-10-05', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-10-06', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-10-07', false, '国庆节', 'chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2026-10-10', true, '国庆节调休上班', 'chinese-days@1.5.7', CURRENT_TIMESTAMP)
ON CONFLICT ("day") DO NOTHING;

-- The next working day on or after a day: the calendar's word when it lists the day, else Monday to Friday.
CREATE FUNCTION "next_working_day"(d DATE) RETURNS DATE LANGUAGE sql STABLE AS E'SELECT min(x)::date FROM generate_series(d, d + 60, interval ''1 day'') AS x WHERE COALESCE((SELECT c."working" FROM "WorkingCalendarDay" c WHERE c."day" = x::date), extract(isodow FROM x) < 6)';

-- Data: every measure of a plan that is not archived gets the cadence and checkpoints its stored
-- schedule proposes (src/lib/periods.ts proposedReporting), and its periods follow the rule
-- (reportingPeriods): a period with a report, an extension or a department's own date is never
-- removed. Archived plans are read-only and keep what they have.
UPDATE "Measure" m SET
  "cadence" = CASE
    WHEN m."scheduleKind" = 'QUARTERLY' THEN 'QUARTERLY'::"ReportingCadence"
    WHEN m."scheduleKind" = 'MONTHLY' THEN 'MONTHLY'::"ReportingCadence"
    WHEN m."scheduleKind" = 'HALF_YEARLY' THEN 'HALF_YEARLY'::"ReportingCadence"
    WHEN m."scheduleKind" = 'ANNUAL' THEN 'NONE'::"ReportingCadence"
    WHEN m."scheduleKind" = 'ONGOING' AND m."text" ~ '每年(至少)?(组织|召开|开展|举办|举行)一次' THEN 'NONE'::"ReportingCadence"
    ELSE NULL END,
  "checkpoints" = CASE
    WHEN m."scheduleKind" IN ('ANNUAL', 'DEADLINE') THEN m."dueDates"
    WHEN m."scheduleKind" = 'RANGE' AND m."scheduleStart" IS NOT NULL AND m."deadline" IS NOT NULL THEN
      ARRAY(SELECT make_date(y, 12, 31) FROM generate_series(extract(year FROM m."scheduleStart")::int, extract(year FROM m."deadline")::int - 1) AS y) || m."deadline"
    WHEN m."scheduleKind" = 'RANGE' THEN m."dueDates"
    WHEN m."scheduleKind" = 'ONGOING' AND m."text" ~ '每年(至少)?(组织|召开|开展|举办|举行)一次' THEN
      ARRAY(SELECT make_date(y, 12, 31) FROM generate_series(GREATEST(p."startYear", COALESCE(extract(year FROM m."scheduleStart")::int, p."startYear")), p."endYear") AS y)
    ELSE '{}'::date[] END
  FROM "KeyTask" k JOIN "Plan" p ON p."id" = k."planId"
  WHERE k."id" = m."keyTaskId";
UPDATE "Measure" SET "checkpoints" = '{}'::date[] WHERE "checkpoints" IS NULL;
ALTER TABLE "Measure" ALTER COLUMN "checkpoints" SET NOT NULL;

-- Regular (quarterly) periods no longer owed: the measure reports on another cadence or on checkpoints only, the quarter
-- ends before the measure is tracked or after its deadline, a checkpoint covers it, or its deadline
-- before the plan start awaits confirmation.
DELETE FROM "ReportingPeriod" r USING "Measure" m, "KeyTask" k, "Plan" p
  WHERE r."measureId" = m."id" AND k."id" = m."keyTaskId" AND p."id" = k."planId" AND p."status" <> 'ARCHIVED'
    AND r."kind" = 'QUARTER'
    AND NOT EXISTS (SELECT 1 FROM "ProgressReport" x WHERE x."periodId" = r."id")
    AND NOT EXISTS (SELECT 1 FROM "ExtensionRequest" x WHERE x."periodId" = r."id")
    AND NOT EXISTS (SELECT 1 FROM "DepartmentDueDate" x WHERE x."periodId" = r."id")
    AND (COALESCE(m."cadence", p."defaultCadence") <> 'QUARTERLY'
      OR r."periodEnd" < GREATEST(make_date(p."startYear", 1, 1), COALESCE(m."scheduleStart", make_date(p."startYear", 1, 1)))
      OR (m."deadline" IS NOT NULL AND r."periodEnd" > m."deadline")
      OR r."periodEnd" = ANY (m."checkpoints")
      OR 'BEFORE_PLAN_START' = ANY (m."scheduleFlags"));

-- A measure of another cadence (每月, 每半年) in a plan imported before this change: its unreported
-- periods go, and the start's ensureReportingPeriods lays out those of a measure left without any.
DELETE FROM "ReportingPeriod" r USING "Measure" m, "KeyTask" k, "Plan" p
  WHERE r."measureId" = m."id" AND k."id" = m."keyTaskId" AND p."id" = k."planId" AND p."status" <> 'ARCHIVED'
    AND COALESCE(m."cadence", p."defaultCadence") IN ('MONTHLY', 'HALF_YEARLY', 'ANNUAL')
    AND NOT EXISTS (SELECT 1 FROM "ProgressReport" x WHERE x."periodId" = r."id")
    AND NOT EXISTS (SELECT 1 FROM "ExtensionRequest" x WHERE x."periodId" = r."id")
    AND NOT EXISTS (SELECT 1 FROM "DepartmentDueDate" x WHERE x."periodId" = r."id");

-- Checkpoint periods that are no longer checkpoints (or await confirmation).
DELETE FROM "ReportingPeriod" r USING "Measure" m, "KeyTask" k, "Plan" p
  WHERE r."measureId" = m."id" AND k."id" = m."keyTaskId" AND p."id" = k."planId" AND p."status" <> 'ARCHIVED'
    AND r."kind" = 'MILESTONE'
    AND NOT EXISTS (SELECT 1 FROM "ProgressReport" x WHERE x."periodId" = r."id")
    AND NOT EXISTS (SELECT 1 FROM "ExtensionRequest" x WHERE x."periodId" = r."id")
    AND NOT EXISTS (SELECT 1 FROM "DepartmentDueDate" x WHERE x."periodId" = r."id")
    AND (NOT (r."periodEnd" = ANY (m."checkpoints")) OR 'BEFORE_PLAN_START' = ANY (m."scheduleFlags"));

-- Due dates nobody set by hand move to the next working day.
UPDATE "ReportingPeriod" r SET "dueDate" = "next_working_day"(r."dueDate"), "originalDueDate" = "next_working_day"(r."dueDate")
  FROM "Measure" m, "KeyTask" k, "Plan" p
  WHERE r."measureId" = m."id" AND k."id" = m."keyTaskId" AND p."id" = k."planId" AND p."status" <> 'ARCHIVED'
    AND r."dueDate" = r."originalDueDate" AND "next_working_day"(r."dueDate") <> r."dueDate";

-- New checkpoint periods (each year of a range, a yearly activity), from the measure's start on,
-- an ended plan gets none after its last day.
INSERT INTO "ReportingPeriod" ("id", "measureId", "kind", "periodStart", "periodEnd", "dueDate", "originalDueDate")
  SELECT 'cp' || md5(m."id" || c.day::text), m."id", 'MILESTONE', make_date(extract(year FROM c.day)::int, 1, 1), c.day, "next_working_day"(c.day), "next_working_day"(c.day)
  FROM "Measure" m JOIN "KeyTask" k ON k."id" = m."keyTaskId" JOIN "Plan" p ON p."id" = k."planId"
  CROSS JOIN LATERAL unnest(m."checkpoints") AS c(day)
  WHERE p."status" <> 'ARCHIVED'
    AND NOT ('BEFORE_PLAN_START' = ANY (m."scheduleFlags"))
    AND c.day >= GREATEST(make_date(p."startYear", 1, 1), COALESCE(m."scheduleStart", make_date(p."startYear", 1, 1)))
    AND (p."status" IN ('DRAFT', 'ACTIVE') OR c.day <= make_date(p."endYear", 12, 31))
    AND NOT EXISTS (SELECT 1 FROM "ReportingPeriod" r WHERE r."measureId" = m."id" AND r."kind" = 'MILESTONE' AND r."periodEnd" = c.day);
