import type { PrismaClient } from "../../src/generated/prisma/client";
import { hashPassword } from "../../src/features/auth/password";

/**
 * A province-scale synthetic plan for the benchmark: 100 departments, 50 key
 * tasks × 20 measures, 20 quarters each (20,000 periods), 50,000 reports with
 * their review history (about 100,000 revisions) and 200,000 audit events.
 * Written with set-based SQL (generate_series), so it takes seconds, not hours.
 * The liaisons `lg001`–`lg004` (password as the demo accounts) belong to its first four departments.
 */
export async function generateLargeDataset(db: PrismaClient, password: string): Promise<Record<string, number>> {
  const hash = await hashPassword(password);
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`INSERT INTO "Plan" ("id", "code", "title", "issuer", "startYear", "endYear", "status", "updatedAt")
        VALUES ('lg-plan', 'province-large', '省级工伤预防行动计划（大规模测试数据）', '测试', 2021, 2025, 'ACTIVE', now())`;
      await tx.$executeRaw`INSERT INTO "Department" ("id", "shortName", "fullName", "aliases", "sortOrder")
        SELECT 'lg-d-' || d, '省直部门' || lpad(d::text, 3, '0'), '省直部门' || d || '（测试）', '{}', 1000 + d FROM generate_series(1, 100) d`;
      await tx.$executeRaw`INSERT INTO "KeyTask" ("id", "planId", "number", "title")
        SELECT 'lg-t-' || t, 'lg-plan', t, '重点任务' || t FROM generate_series(1, 50) t`;
      await tx.$executeRaw`INSERT INTO "Measure" ("id", "keyTaskId", "number", "text", "departmentsText", "timeArrangement", "scheduleKind", "reportsQuarterly", "dueDates", "checkpoints", "scheduleFlags", "updatedAt")
        SELECT 'lg-m-' || n, 'lg-t-' || ((n - 1) / 20 + 1), (n - 1) % 20 + 1, '测试措施' || n || '：按季度推进并报送进展。', '省直部门', '持续推进', 'ONGOING', true, '{}', '{}', '{}', now()
        FROM generate_series(1, 1000) n`;
      await tx.$executeRaw`INSERT INTO "MeasureDepartment" ("measureId", "departmentId", "isLead", "sortOrder")
        SELECT 'lg-m-' || n, 'lg-d-' || ((n - 1 + k * 33) % 100 + 1), k = 0, k FROM generate_series(1, 1000) n, generate_series(0, 2) k`;
      await tx.$executeRaw`INSERT INTO "ReportingPeriod" ("id", "measureId", "kind", "periodStart", "periodEnd", "dueDate", "originalDueDate")
        SELECT 'lg-p-' || n || '-' || q, 'lg-m-' || n, 'QUARTER', s, e, e + 10, e + 10
        FROM generate_series(1, 1000) n, generate_series(0, 19) q,
        LATERAL (SELECT make_date(2021 + q / 4, 3 * (q % 4) + 1, 1) AS s) a,
        LATERAL (SELECT (a.s + interval '3 months' - interval '1 day')::date AS e) b`;
      // Lead reports for every period, the first supporter's for every period, the second's every other quarter: 50,000.
      await tx.$executeRaw`INSERT INTO "ProgressReport" ("id", "periodId", "measureId", "departmentId", "isLead", "state", "progress", "workDone", "submittedAt", "version", "updatedAt")
        SELECT 'lg-r-' || n || '-' || q || '-' || k, 'lg-p-' || n || '-' || q, 'lg-m-' || n, 'lg-d-' || ((n - 1 + k * 33) % 100 + 1), k = 0,
          (CASE WHEN q = 19 AND k = 0 AND n % 2 = 0 THEN 'SUBMITTED' WHEN q = 10 AND n % 20 = 0 THEN 'RETURNED' ELSE 'ACCEPTED' END)::"ReportState",
          'IN_PROGRESS', '测试进展', p."dueDate" - (CASE WHEN (n + q) % 7 = 0 THEN -5 ELSE 3 END), 2, now()
        FROM generate_series(1, 1000) n, generate_series(0, 19) q, generate_series(0, 2) k, "ReportingPeriod" p
        WHERE p."id" = 'lg-p-' || n || '-' || q AND (k < 2 OR q % 2 = 0)`;
      // Each version entered when it took effect (a 补录 version would say otherwise).
      await tx.$executeRaw`INSERT INTO "ProgressReportRevision" ("id", "reportId", "number", "event", "actorId", "snapshot", "at", "enteredAt")
        SELECT r."id" || '-1', r."id", 1, 'SUBMITTED', 'generator', '{}', r."submittedAt" + interval '2 hours', r."submittedAt" + interval '2 hours' FROM "ProgressReport" r WHERE r."id" LIKE 'lg-r-%'`;
      await tx.$executeRaw`INSERT INTO "ProgressReportRevision" ("id", "reportId", "number", "event", "actorId", "snapshot", "at", "enteredAt")
        SELECT r."id" || '-2', r."id", 2, r."state"::text, 'generator', '{}', r."submittedAt" + interval '26 hours', r."submittedAt" + interval '26 hours'
        FROM "ProgressReport" r WHERE r."id" LIKE 'lg-r-%' AND r."state" IN ('ACCEPTED', 'RETURNED')`;
      await tx.$executeRaw`INSERT INTO "AuditEvent" ("at", "actorLabel", "action", "entityType", "entityId", "ip")
        SELECT timestamp '2021-01-01' + (i * interval '13 minutes'), 'generator', (ARRAY['report.submit', 'report.accept', 'auth.sign_in'])[i % 3 + 1],
          'ProgressReport', 'lg-r-' || (i % 1000 + 1) || '-' || (i % 20) || '-0', '127.0.0.1'
        FROM generate_series(1, 200000) i`;
      // A liaison for each of the first four departments: the benchmark's writers, four as on the seeded plan.
      await tx.$executeRaw`INSERT INTO "User" ("id", "loginName", "displayName", "passwordHash", "role", "departmentId", "updatedAt")
        SELECT 'lg-u-' || d, 'lg' || lpad(d::text, 3, '0'), '省直部门' || lpad(d::text, 3, '0') || '联络员', ${hash}, 'LIAISON', 'lg-d-' || d, now() FROM generate_series(1, 4) d`;
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  const [measures, periods, reports, revisions, audit] = await Promise.all([
    db.measure.count({ where: { id: { startsWith: "lg-m-" } } }),
    db.reportingPeriod.count({ where: { id: { startsWith: "lg-p-" } } }),
    db.progressReport.count({ where: { id: { startsWith: "lg-r-" } } }),
    db.progressReportRevision.count({ where: { id: { startsWith: "lg-r-" } } }),
    db.auditEvent.count({ where: { actorLabel: "generator" } }),
  ]);
  return { departments: 100, measures, periods, reports, revisions, auditEvents: audit };
}
