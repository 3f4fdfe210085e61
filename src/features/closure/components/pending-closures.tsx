import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { todayInChina } from "@/lib/due";
import type { Principal } from "@/lib/permissions";
import { getPendingClosures } from "../queries";

/** Closure applications waiting on the caller (the bureau's reviews, a leader's sign-offs), each opening its measure; nothing when none. */
export async function PendingClosures({ user }: { user: Principal }) {
  const pending = await getPendingClosures(user);
  if (pending.length === 0) return null;
  const t = await getTranslations("reports");
  return (
    <Card className="mb-5" data-testid="pending-closures">
      <CardHeader>
        <CardTitle>{t("pendingClosures")}</CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="flex flex-col gap-2 text-sm">
          {pending.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center gap-2">
              <Badge tone={c.state === "SUBMITTED" ? "primary" : "warning"}>{t(`closureState${c.state}`)}</Badge>
              <Link href={`/measures/${c.measureId}`} className="font-medium text-primary hover:underline">
                {c.measure.keyTask.number}.{c.measure.number}
              </Link>
              <span className="text-muted-foreground">{t("closureAppliedBy", { department: c.department.shortName, date: todayInChina(c.createdAt) })}</span>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
