import { z } from "zod";
import { idInput } from "@/lib/input";

/** Messages are keys under "reports" in messages/*.json. */
const weight = z.coerce.number({ message: "rankingWeights" }).int("rankingWeights").min(0, "rankingWeights").max(100, "rankingWeights");

/** A plan's 通报 ranking weights: four whole numbers that add up to 100 (decision 027). */
export const rankingWeightsSchema = z
  .object({
    planId: idInput(),
    timeliness: weight,
    progress: weight,
    returns: weight,
    notices: weight,
    // 红黑榜 thresholds (decision 032); a form without them keeps the defaults.
    redMinScore: z.coerce.number({ message: "rankingLists" }).int("rankingLists").min(0, "rankingLists").max(100, "rankingLists").default(90),
    redTop: z.coerce.number({ message: "rankingLists" }).int("rankingLists").min(1, "rankingLists").max(50, "rankingLists").default(3),
    blackBelow: z.coerce.number({ message: "rankingLists" }).int("rankingLists").min(0, "rankingLists").max(100, "rankingLists").default(60),
  })
  .refine((v) => v.timeliness + v.progress + v.returns + v.notices === 100, { message: "rankingWeightsSum", path: ["notices"] })
  .refine((v) => v.blackBelow <= v.redMinScore, { message: "rankingLists", path: ["blackBelow"] });
