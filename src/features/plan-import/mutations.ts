/**
 * Importing a plan's key-task table: the preview (nothing written) and the import itself
 * (one transaction, one audit event "plan.import"). Both ask the policy first ("plan:import").
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { seedPlan, type SeedPlanReport } from "@/features/seed/seed-plan";
import type { PlanData } from "@/features/seed/plan-data";
import { authorize, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";
import { buildPreview, type PlanPreview } from "./preview";
import { PlanFileError, type TableRow } from "./table";
import type { PlanMeta } from "./schemas";

export { commandLineOperator } from "@/lib/permissions";

async function knownDepartments(db: PrismaClient) {
  return db.department.findMany({ orderBy: [{ sortOrder: "asc" }, { shortName: "asc" }], select: { shortName: true, fullName: true, aliases: true, sortOrder: true } });
}

/** The preview of `rows` for a plan over `years` (nothing written). */
export async function previewPlanImport(db: PrismaClient, actor: Actor | null, input: { startYear: number; endYear: number; rows: TableRow[] }): Promise<PlanPreview> {
  authorize(actor, "plan:import");
  return buildPreview(input.rows, input, await knownDepartments(db));
}

/** A `PlanFileError` as the rule error the actions and routes turn into a message. */
export function asRuleError(error: PlanFileError): RuleError {
  const detail: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(error.detail)) if (v !== undefined) detail[k] = v;
  return new RuleError("admin", `planImport.${error.key}`, detail);
}

export interface PlanImportResult {
  planId: string;
  code: string;
  preview: PlanPreview;
  report: SeedPlanReport | null;
}

/**
 * Imports `rows` as a new plan: departments named but unknown are created, then the plan, its
 * key tasks, measures (with schedules, assignments, indicators) and reporting periods, in one
 * transaction with one audit event. A plan code already in use is refused and nothing is written.
 * `dryRun` builds the preview and writes nothing.
 */
export async function importPlan(
  db: PrismaClient,
  actor: Actor | null,
  input: PlanMeta & { rows: TableRow[] },
  options: { dryRun?: boolean; quarterDueDays?: number } = {},
): Promise<PlanImportResult> {
  authorize(actor, "plan:import");
  if (input.rows.length === 0) throw new RuleError("admin", "planImport.noRows");
  const known = await knownDepartments(db);
  const preview = buildPreview(input.rows, input, known);
  const existing = await db.plan.findUnique({ where: { code: input.code }, select: { id: true } });
  if (existing) throw new RuleError("admin", "planImport.codeTaken", { code: input.code });
  if (options.dryRun) return { planId: "", code: input.code, preview, report: null };

  const nextOrder = known.reduce((max, d) => Math.max(max, d.sortOrder), 0);
  const data: PlanData = {
    // An imported plan starts as a draft (草稿): an administrator starts it (执行中) from its page once checked.
    plan: { code: input.code, title: input.title, issuer: input.issuer, startYear: input.startYear, endYear: input.endYear, status: "DRAFT" },
    // The plan's departments (those its table names): the seed reads "等8部门" against this list and creates the new ones.
    departments: preview.planDepartments.map((shortName) => {
      const existing = known.find((d) => d.shortName === shortName);
      return existing ?? { shortName, fullName: shortName, aliases: [], sortOrder: nextOrder + preview.newDepartments.indexOf(shortName) + 1 };
    }),
    keyTasks: preview.tasks.map((task) => ({
      number: task.number,
      title: task.title,
      measures: task.measures.map((m) => ({
        number: m.number,
        text: m.text,
        departmentsText: m.departmentsText,
        timeArrangement: m.timeArrangement,
        jointLeads: m.departments.filter((d) => d.jointLead).map((d) => d.shortName),
        baselines: Object.fromEntries(m.indicators.flatMap((i) => (i.direction && i.baseline !== null ? [[i.name, i.baseline]] : []))),
      })),
    })),
  };
  const report = await seedPlan(db, data, {
    quarterDueDays: options.quarterDueDays,
    newPlanOnly: true,
    audit: { actorId: actor!.id || null, actorLabel: actor!.loginName, ip: actor!.ip ?? null },
  });
  const plan = await db.plan.findUniqueOrThrow({ where: { code: input.code }, select: { id: true } });
  return { planId: plan.id, code: input.code, preview, report };
}
