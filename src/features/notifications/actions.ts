"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/action-state";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { refusal } from "@/lib/permissions";
import { answeringOutage } from "@/server/action-result";
import { getActor } from "@/server/auth";
import { db } from "@/server/db";

/** Marks every notification of the caller as read; a user can only ever touch their own. */
export async function markAllReadAction(): Promise<ActionState> {
  return answeringOutage(markAllRead);
}

async function markAllRead(): Promise<ActionState> {
  const user = await getActor();
  const denied = refusal(user, "notification:read");
  if (denied || !user) return { ok: false, message: (await getTranslations("authz"))(denied?.key ?? "forbidden") };
  await db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
    await recordActorEvent(tx, user, { action: "notification.mark_read", entityType: "User", entityId: user.id, after: { count } });
  });
  revalidatePath("/", "layout");
  return { ok: true, message: null };
}
