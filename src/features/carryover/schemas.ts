import { z } from "zod";
import { dayInput, idInput } from "@/lib/input";

/** Messages are keys under "admin". */

const cadence = z.enum(["NONE", "MONTHLY", "QUARTERLY", "HALF_YEARLY", "ANNUAL"], { message: "invalidInput" });

export const carryoverSchema = z.object({
  originPlanId: idInput(),
  targetPlanId: z.string().min(1, { message: "carryoverTargetRequired" }).pipe(idInput()),
  /** Empty: the target plan's 「结转事项」 key task. */
  keyTaskId: z.union([z.literal(""), idInput()]).transform((v) => v || null),
  deadline: z.union([z.literal(""), dayInput("dateInvalid")]).transform((v) => v || null),
  cadence,
  items: z
    .array(z.object({ measureId: idInput(), indicatorIds: z.array(idInput()).max(50) }))
    .min(1, { message: "carryoverNothingChosen" })
    .max(500),
});

/** The value of the target choice: a plan and one of its key tasks, or `new` for its 「结转事项」. */
export const targetValue = (planId: string, keyTaskId: string | null) => `${planId}:${keyTaskId ?? "new"}`;

/**
 * The form's fields as the schema reads them: the target (`target`, see `targetValue`), each chosen
 * measure (`measureId`) with its chosen indicators (`indicators.<measureId>`).
 */
export function carryoverFormInput(formData: FormData) {
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : "";
  };
  const [targetPlanId = "", keyTaskId = ""] = text("target").split(":");
  return {
    originPlanId: text("originPlanId"),
    targetPlanId,
    keyTaskId: keyTaskId === "new" ? "" : keyTaskId,
    deadline: text("deadline"),
    cadence: text("cadence"),
    items: formData
      .getAll("measureId")
      .filter((v): v is string => typeof v === "string")
      .map((measureId) => ({ measureId, indicatorIds: formData.getAll(`indicators.${measureId}`).filter((v): v is string => typeof v === "string") })),
  };
}
