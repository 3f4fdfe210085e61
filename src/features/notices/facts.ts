import type { PrismaClient } from "@/generated/prisma/client";
import { isoDay, todayInChina } from "@/lib/due";
import { countNotices, type NoticeCounts, type NoticeFacts, type NoticeTiming } from "@/lib/notices";
import { loadWorkingCalendar } from "@/features/calendar/queries";

/** What the colour rule reads of a stored notice: its reply stands while it is replied or closed. */
export function timingOf(n: { colour: NoticeTiming["colour"]; dueDate: Date; state: string; repliedAt: Date | null }): NoticeTiming {
  const answered = (n.state === "REPLIED" || n.state === "CLOSED") && n.repliedAt;
  return { colour: n.colour, dueDate: isoDay(n.dueDate), answeredOn: answered ? todayInChina(n.repliedAt!) : null };
}

/**
 * Notices per department for one quarter (`from`–`to`, days inclusive) as of `asOf`: issued, red
 * and overdue unanswered, as `countNotices` (src/lib/notices.ts) defines them; only the notices
 * about measures of `planId` when it is given. For the quarterly 通报; it reads no caller, so a
 * page must ask the policy (dashboard:read) before showing it.
 */
export async function noticeCountsByDepartment(
  db: PrismaClient,
  quarter: { from: string; to: string },
  asOf: string,
  planId?: string,
): Promise<Map<string, NoticeCounts>> {
  const [rows, calendar] = await Promise.all([
    db.supervisionNotice.findMany({
      where: planId ? { measure: { keyTask: { planId } } } : {},
      select: { departmentId: true, issuedAt: true, colour: true, dueDate: true, state: true, repliedAt: true },
    }),
    loadWorkingCalendar(db),
  ]);
  const facts: NoticeFacts[] = rows.map((r) => ({ ...timingOf(r), departmentId: r.departmentId, issuedOn: todayInChina(r.issuedAt) }));
  // Escalation is counted in working days (decision 032).
  return countNotices(facts, quarter, asOf, calendar);
}
