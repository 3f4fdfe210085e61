"use server";

import { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { db } from "@/server/db";
import { databaseMode } from "@/server/env";
import { runAction } from "@/server/run-action";
import { removeDemoData } from "./mutations";

/** The removal asks for an explicit confirmation: the form's hidden field, set by the confirming button. */
const removeDemoSchema = z.object({ confirm: z.literal("yes", { error: "demoConfirm" }) });

/** 清除演示数据: administrators, embedded mode only (decision 030). */
export async function removeDemoDataAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "demo:remove",
    schema: removeDemoSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor) => removeDemoData(db, actor, { mode: databaseMode() }),
    success: "demoRemoved",
    revalidate: ["/", "/dashboard"],
  });
}
