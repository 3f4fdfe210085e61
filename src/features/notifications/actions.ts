"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/action-state";
import { getCurrentUser } from "@/server/auth";
import { db } from "@/server/db";

/** Marks every notification of the caller as read; a user can only ever touch their own. */
export async function markAllReadAction(): Promise<ActionState> {
  const [user, te] = await Promise.all([getCurrentUser(), getTranslations("errors")]);
  if (!user) return { ok: false, message: te("forbidden") };
  await db.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
  revalidatePath("/", "layout");
  return { ok: true, message: null };
}
