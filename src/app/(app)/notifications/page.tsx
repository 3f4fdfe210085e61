import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { markAllReadAction } from "@/features/notifications/actions";
import { listNotifications } from "@/features/notifications/queries";
import { notificationText } from "@/features/notifications/text";
import { requireUser } from "@/server/auth";
import { chinaDateTime } from "@/lib/due";

export default async function NotificationsPage() {
  const user = await requireUser();
  const [t, items] = await Promise.all([getTranslations("notifications"), listNotifications(user.id)]);
  const unread = items.filter((i) => !i.readAt).length;
  return (
    <>
      <PageHeader
        title={t("title")}
        actions={
          unread ? (
            <form action={async () => { "use server"; await markAllReadAction(); }}>
              <Button type="submit" variant="outline">
                {t("markAllRead")}
              </Button>
            </form>
          ) : null
        }
      />
      {items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Card>
          <ul className="divide-y divide-border">
            {items.map((n) => (
              <li key={n.id} className="flex items-start gap-3 px-4 py-3 text-sm" data-testid="notification">
                {n.readAt ? null : <Badge tone="primary">{t("new")}</Badge>}
                <div className="flex-1">
                  {/* A plain link, never prefetched: opening it marks the notification read. */}
                  <a href={`/api/notifications/${n.id}`} className="hover:text-primary hover:underline">
                    {notificationText(t, n.kind, n.params)}
                  </a>
                  <div className="text-xs text-muted-foreground">{chinaDateTime(n.createdAt)}</div>
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </>
  );
}
