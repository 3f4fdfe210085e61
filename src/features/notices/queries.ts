import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { isoDay, todayInChina } from "@/lib/due";
import { noticeColourOn, noticeNumber, overdueUnanswered, type NoticeColour } from "@/lib/notices";
import { periodLabel } from "@/lib/periods";
import { can, canAtAll, scopeOf, type Principal } from "@/lib/permissions";
import { timingOf } from "./facts";
import { loadWorkingCalendar } from "@/features/calendar/queries";
import type { WorkingCalendar } from "@/lib/working-days";

/*
 * Every query here takes the caller: a liaison gets their own department's notices only, the
 * bureau and leaders all of them; a caller who may read none gets nothing.
 */

export interface NoticeFilter {
  departmentId?: string;
  measureId?: string;
  /** "open": not yet closed. */
  state?: "ISSUED" | "SIGNED" | "REPLIED" | "CLOSED" | "open";
  /** The colour shown today (after escalation). */
  colour?: NoticeColour;
}

const listSelect = {
  id: true,
  year: true,
  serial: true,
  colour: true,
  dueDate: true,
  state: true,
  text: true,
  issuedAt: true,
  signedAt: true,
  repliedAt: true,
  closedAt: true,
  version: true,
  department: { select: { id: true, shortName: true, fullName: true } },
  measure: { select: { id: true, number: true, text: true, currentText: true, keyTask: { select: { number: true, plan: { select: { code: true, title: true } } } } } },
  period: { select: { kind: true, periodEnd: true } },
} satisfies Prisma.SupervisionNoticeSelect;

type Row = Prisma.SupervisionNoticeGetPayload<{ select: typeof listSelect }>;

function present(n: Row, today: string, locale: string, calendar: WorkingCalendar) {
  const timing = timingOf(n);
  // Escalation past the limit is counted in working days (decision 032).
  const shown = noticeColourOn(timing, today, calendar);
  return {
    ...n,
    number: noticeNumber(n.year, n.serial),
    measureNumber: `${n.measure.keyTask.number}.${n.measure.number}`,
    dueDate: isoDay(n.dueDate),
    period: n.period ? periodLabel({ kind: n.period.kind, periodEnd: isoDay(n.period.periodEnd) }, locale) : null,
    /** The colour today: escalated past the limit while unanswered. */
    shownColour: shown.colour,
    daysLate: shown.daysLate,
    overdue: overdueUnanswered(timing, today),
  };
}

export type NoticeListItem = ReturnType<typeof present>;

/** The `where` that limits notices to what the caller may read; null when they may read none. */
function readable(actor: Principal | null): Prisma.SupervisionNoticeWhereInput | null {
  if (!canAtAll(actor, "notice:read")) return null;
  return scopeOf(actor, "notice:read") === "any" ? {} : { departmentId: actor!.departmentId! };
}

/** 督办单 the caller may read, newest first, filtered; colours and lateness as of `today`. At most 200. */
export async function listNotices(actor: Principal | null, filter: NoticeFilter, locale: string, today: string = todayInChina()): Promise<NoticeListItem[]> {
  const scope = readable(actor);
  if (!scope) return [];
  const calendar = await loadWorkingCalendar(db);
  const rows = await db.supervisionNotice.findMany({
    where: {
      AND: [
        scope,
        filter.departmentId ? { departmentId: filter.departmentId } : {},
        filter.measureId ? { measureId: filter.measureId } : {},
        filter.state === "open" ? { state: { not: "CLOSED" } } : filter.state ? { state: filter.state } : {},
      ],
    },
    orderBy: [{ year: "desc" }, { serial: "desc" }],
    take: 200,
    select: listSelect,
  });
  const items = rows.map((r) => present(r, today, locale, calendar));
  return filter.colour ? items.filter((i) => i.shownColour === filter.colour) : items;
}

/** One notice with its whole course (who issued, signed, replied, closed), or null when the caller may not read it. */
export async function getNotice(actor: Principal | null, noticeId: string, locale: string, today: string = todayInChina()) {
  const scope = readable(actor);
  if (!scope) return null;
  const n = await db.supervisionNotice.findFirst({
    where: { AND: [scope, { id: noticeId }] },
    select: { ...listSelect, reply: true, returnReason: true, returnedAt: true, issuedById: true, signedById: true, repliedById: true, closedById: true },
  });
  if (!n || !can(actor, "notice:read", { departmentId: n.department.id })) return null;
  const calendar = await loadWorkingCalendar(db);
  const people = await db.user.findMany({
    where: { id: { in: [n.issuedById, n.signedById, n.repliedById, n.closedById].filter((x): x is string => Boolean(x)) } },
    select: { id: true, displayName: true },
  });
  const name = (id: string | null) => (id ? (people.find((p) => p.id === id)?.displayName ?? null) : null);
  return {
    ...present(n, today, locale, calendar),
    reply: n.reply,
    returnReason: n.returnReason,
    returnedAt: n.returnedAt,
    issuedBy: name(n.issuedById),
    signedBy: name(n.signedById),
    repliedBy: name(n.repliedById),
    closedBy: name(n.closedById),
  };
}
