import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { getOpenInstructions } from "@/features/reports/queries";
import { listDepartments } from "@/features/plan/queries";
import { todayInChina } from "@/lib/due";
import type { Principal } from "@/lib/permissions";
import { InstructionList } from "./instruction-list";

/** The leader overview's card: a plan's instructions not yet closed, nearest deadline first, each with the caller's next step. */
export async function OpenInstructionsCard({ user, planId }: { user: Principal; planId: string }) {
  const [t, instructions, departments] = await Promise.all([getTranslations("instructions"), getOpenInstructions(user, planId), listDepartments()]);
  return (
    <Card className="mt-5" data-testid="open-instructions">
      <CardHeader>
        <CardTitle>
          {t("openTitle")} <span className="text-sm font-normal text-muted-foreground">({instructions.length})</span>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {instructions.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("openEmpty")}</p>
        ) : (
          <InstructionList user={user} instructions={instructions} departments={departments} today={todayInChina()} showMeasure testId="open-instruction-list" />
        )}
      </CardContent>
    </Card>
  );
}
