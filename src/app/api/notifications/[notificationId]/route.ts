import { getTranslations } from "next-intl/server";
import { openNotification } from "@/features/notifications/mutations";
import { refusal } from "@/lib/permissions";
import { getActor } from "@/server/auth";
import { db } from "@/server/db";
import { answeringOutages } from "@/server/route-outage";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** Opening a notification: marks it read and leads to its page (a relative redirect, so it stays on the address the user opened). */
async function open(_request: Request, { params }: { params: Promise<{ notificationId: string }> }) {
  const [actor, t] = await Promise.all([getActor(), getTranslations("api")]);
  if (!actor) return text(t("signInRequired"), 401);
  if (refusal(actor, "notification:read")) return text((await getTranslations("authz"))("forbidden"), 403);
  const { notificationId } = await params;
  const link = await openNotification(db, actor, notificationId);
  if (!link) return text(t("notificationNotFound"), 404);
  return new Response(null, { status: 303, headers: { Location: link, "Cache-Control": "private, no-store" } });
}

export const GET = answeringOutages(open);
