import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { dayToDate, departmentDueDate, isoDay, todayInChina } from "@/lib/due";
import { addDays, departmentOwesPeriod, periodLabel } from "@/lib/periods";
import { rolesWith } from "@/lib/permissions";
import { statusesWhere } from "@/lib/plan-lifecycle";
import { periodOwed } from "@/lib/status";
import { applyEscalations, escalationConditions } from "./escalations";

/** Any fixed number shared by every instance: the advisory lock that lets one scan run at a time. */
export const SCAN_LOCK_KEY = 73_102_025;

/** How far back the scan looks for events worth telling (a new installation is not flooded with years of history). */
const LOOKBACK_DAYS = 30;

type Row = Prisma.NotificationCreateManyInput;

/**
 * Creates the notifications a date brings: reports due within `windowDays`
 * and periods that became overdue in the last 30 days; and the escalations to
 * departments' heads and 分管领导, once per occurrence (./escalations.ts). (An event's
 * notifications, a returned report, a decided extension, a notice, an
 * instruction, are written by the event's own transaction: see events.ts.) Idempotent
 * (one row per user and dedupe key; existing ones are skipped) and safe when
 * several instances run it at once (a transaction-scoped advisory lock: a
 * second scan meanwhile does nothing and says so).
 */
export async function scanNotifications(db: PrismaClient, now: Date = new Date(), windowDays = 7): Promise<{ created: number; skipped: boolean }> {
  const today = todayInChina(now);
  const soon = dayToDate(addDays(today, windowDays));
  const since = dayToDate(addDays(today, -LOOKBACK_DAYS));
  const todayDate = dayToDate(today);
  // Escalations (decision 032): today's conditions are read first, outside the transaction (the plans' histories).
  const conditions = await escalationConditions(db, today);
  return db.$transaction(
    async (tx) => {
      const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SCAN_LOCK_KEY}) AS "locked"`;
      if (!locked) return { created: 0, skipped: true };

      const liaisons = await tx.user.findMany({ where: { role: { in: rolesWith("report:write") }, active: true, departmentId: { not: null } }, select: { id: true, departmentId: true } });
      const byDepartment = new Map<string, string[]>();
      for (const u of liaisons) byDepartment.set(u.departmentId!, [...(byDepartment.get(u.departmentId!) ?? []), u.id]);
      const departments = [...byDepartment.keys()];
      const rows: Row[] = [];
      // Only plans that remind (执行中): an ended, archived or draft plan sends nothing (src/lib/plan-lifecycle.ts).
      // A plan that reminds, and a measure still standing: a withdrawn one (撤销, decision 021) owes nothing.
      const reminding = { withdrawnAt: null, keyTask: { plan: { status: { in: statusesWhere("reminds") } } } };
      const toDepartment = (departmentId: string, row: Omit<Row, "userId">) => {
        for (const userId of byDepartment.get(departmentId) ?? []) rows.push({ ...row, userId });
      };

      // Periods due soon or recently overdue, for each department that carries the measure and has not submitted,
      // by that department's own due date (an extension moves only the department that asked for it).
      const inWindow = { gte: since, lte: soon };
      const periods = await tx.reportingPeriod.findMany({
        where: {
          OR: [{ dueDate: inWindow }, { departmentDues: { some: { dueDate: inWindow } } }],
          // A closed measure (已销号) owes nothing more: no reminder, no overdue notice.
          measure: { ...reminding, closedAt: null, departments: { some: { departmentId: { in: departments } } } },
        },
        select: {
          id: true,
          kind: true,
          periodEnd: true,
          dueDate: true,
          measure: { select: { number: true, normalizedAt: true, keyTask: { select: { number: true } }, departments: { select: { departmentId: true, startsOn: true } } } },
          reports: { select: { departmentId: true, state: true } },
          departmentDues: { select: { departmentId: true, dueDate: true } },
        },
      });
      for (const p of periods) {
        // 常态化: only each year's last quarter is owed.
        if (!periodOwed({ kind: p.kind, periodEnd: isoDay(p.periodEnd) }, { closedOn: null, normalizedOn: p.measure.normalizedAt ? todayInChina(p.measure.normalizedAt) : null }, today)) continue;
        const label = { measure: `${p.measure.keyTask.number}.${p.measure.number}`, period: periodLabel({ kind: p.kind, periodEnd: isoDay(p.periodEnd) }) };
        for (const { departmentId, startsOn } of p.measure.departments) {
          // A department added to a running measure owes nothing from before it joined (decision 031).
          if (!departmentOwesPeriod({ periodEnd: isoDay(p.periodEnd) }, startsOn ? isoDay(startsOn) : null)) continue;
          const state = p.reports.find((r) => r.departmentId === departmentId)?.state;
          if (state === "SUBMITTED" || state === "ACCEPTED") continue;
          const dueDate = departmentDueDate(p.dueDate, p.departmentDues.find((d) => d.departmentId === departmentId)?.dueDate);
          if (dueDate < since || dueDate > soon) continue;
          const due = isoDay(dueDate);
          const params = { ...label, date: due };
          const overdue = dueDate < todayDate;
          toDepartment(departmentId, {
            kind: overdue ? "OVERDUE" : "DUE_SOON",
            dedupeKey: `${overdue ? "overdue" : "due"}:${p.id}:${due}`,
            params,
            link: `/reports/${p.id}`,
          });
        }
      }

      const activeIds = new Set(liaisons.map((u) => u.id));
      // The escalations' recipients (heads, 分管领导) are active by their own query.
      const escalations = await applyEscalations(tx, conditions, now);
      const data = [...rows.filter((r) => activeIds.has(r.userId)), ...escalations];
      const created = data.length ? (await tx.notification.createMany({ data, skipDuplicates: true })).count : 0;
      return { created, skipped: false };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
