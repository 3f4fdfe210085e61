import { z } from "zod";

/** The shape of a plan file under prisma/seed/, checked before anything is written. */
export const planDataSchema = z.object({
  plan: z.object({
    code: z.string().min(1),
    title: z.string().min(1),
    // May be empty for a plan imported without it (npm run plan:import without --issuer).
    issuer: z.string(),
    startYear: z.number().int(),
    endYear: z.number().int(),
    /** The state a fresh import starts in (src/lib/plan-lifecycle.ts); an existing plan keeps its own. */
    status: z.enum(["DRAFT", "ACTIVE", "ENDED", "ARCHIVED"]).optional(),
  }),
  departments: z
    .array(
      z.object({
        shortName: z.string().min(1),
        fullName: z.string().min(1),
        aliases: z.array(z.string()),
        sortOrder: z.number().int(),
      }),
    )
    .min(1),
  keyTasks: z
    .array(
      z.object({
        number: z.number().int().positive(),
        title: z.string().min(1),
        measures: z
          .array(
            z.object({
              number: z.number().int().positive(),
              text: z.string().min(1),
              departmentsText: z.string().min(1),
              timeArrangement: z.string(),
              /**
               * Joint leads (共同牵头) that supply their own report (decision 021): `true` for every
               * department other than the lead, or the short names of those that are (an import's 共同牵头 column).
               */
              jointLeads: z.union([z.boolean(), z.array(z.string())]).optional(),
              /** Trend indicators' baselines by the trend's name (an import's 趋势基线 column, decision 031). */
              baselines: z.record(z.string(), z.number()).optional(),
            }),
          )
          .min(1),
      }),
    )
    .min(1),
});

export type PlanData = z.infer<typeof planDataSchema>;
