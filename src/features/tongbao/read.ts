import "server-only";
import { getLocale } from "next-intl/server";
import { getDashboardWithInput } from "@/features/dashboard/cached";
import { exportScope } from "@/features/dashboard/read";
import { noticeCountsByDepartment } from "@/features/notices/facts";
import type { PlanSummary } from "@/features/plan/queries";
import { todayInChina } from "@/lib/due";
import type { Principal } from "@/lib/permissions";
import { parseReportQuarter, reportCutoff, reportQuarters, type ReportQuarter } from "@/lib/report-quarter";
import { db } from "@/server/db";
import { buildTongbao, type Tongbao } from "./content";
import { tongbaoWords } from "./words";

/**
 * A plan's 通报 for the quarter the address asks for (?quarter=2025-Q4; by default the last complete
 * one), in the caller's share (`exportScope`: the whole plan, or their department's); null when
 * they may not export. The figures are the latest (a recomputation is waited for), as of the
 * quarter's last day or today while it runs; the 督办单 are counted fresh, they raise no dashboard version.
 * Its words are the reader's language; the measures' texts (current wording, else as issued) come with it.
 */
export async function readTongbao(
  actor: Principal | null,
  plan: PlanSummary,
  raw: { quarter?: string | string[]; asOf?: string | string[] },
  now: Date = new Date(),
): Promise<{ tongbao: Tongbao; quarters: ReportQuarter[] } | null> {
  const scope = exportScope(actor);
  if (!scope) return null;
  const today = todayInChina(now);
  const quarter = parseReportQuarter(raw, plan, today);
  const asOf = reportCutoff(quarter, today);
  const [{ dashboard, input }, notices, weights, department, measures, locale] = await Promise.all([
    getDashboardWithInput(plan.id, asOf, "latest"),
    noticeCountsByDepartment(db, quarter, asOf, plan.id),
    db.plan.findUniqueOrThrow({
      where: { id: plan.id },
      select: { rankTimelinessWeight: true, rankProgressWeight: true, rankReturnsWeight: true, rankNoticesWeight: true, rankRedMinScore: true, rankRedTop: true, rankBlackBelow: true },
    }),
    scope.departmentId ? db.department.findUnique({ where: { id: scope.departmentId }, select: { shortName: true } }) : null,
    db.measure.findMany({ where: { keyTask: { planId: plan.id } }, select: { id: true, text: true, currentText: true } }),
    getLocale(),
  ]);
  const tongbao = buildTongbao({
    plan,
    quarter,
    asOf,
    generatedAt: now,
    dashboard,
    input,
    notices,
    weights: { timeliness: weights.rankTimelinessWeight, progress: weights.rankProgressWeight, returns: weights.rankReturnsWeight, notices: weights.rankNoticesWeight },
    lists: { redMinScore: weights.rankRedMinScore, redTop: weights.rankRedTop, blackBelow: weights.rankBlackBelow },
    departmentId: scope.departmentId,
    departmentName: department?.shortName,
    measureTexts: new Map(measures.map((m) => [m.id, m.currentText ?? m.text])),
    locale,
    words: tongbaoWords(locale),
  });
  return { tongbao, quarters: reportQuarters(plan, today) };
}

/** A plan's 通报 weights (decision 027), for the plan's settings. */
export async function getRankingWeights(planId: string) {
  const plan = await db.plan.findUnique({
    where: { id: planId },
    select: { rankTimelinessWeight: true, rankProgressWeight: true, rankReturnsWeight: true, rankNoticesWeight: true, rankRedMinScore: true, rankRedTop: true, rankBlackBelow: true },
  });
  return plan
    ? {
        timeliness: plan.rankTimelinessWeight,
        progress: plan.rankProgressWeight,
        returns: plan.rankReturnsWeight,
        notices: plan.rankNoticesWeight,
        lists: { redMinScore: plan.rankRedMinScore, redTop: plan.rankRedTop, blackBelow: plan.rankBlackBelow },
      }
    : null;
}
