"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { WEIGHT_KEYS, type RankingLists, type RankingWeights } from "@/lib/ranking";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

const LABEL = { timeliness: "rankingTimeliness", progress: "rankingProgress", returns: "rankingReturns", notices: "rankingNotices" } as const;
const LIST_FIELDS = [
  ["redMinScore", "rankingRedMinScore", 0, 100],
  ["redTop", "rankingRedTop", 1, 50],
  ["blackBelow", "rankingBlackBelow", 0, 100],
] as const;

/** The weights of the plan's 通报 ranking (decision 027): four whole numbers that add up to 100. */
export function RankingWeightsForm({ planId, weights, lists, action }: { planId: string; weights: RankingWeights; lists: RankingLists; action: ServerAction }) {
  const t = useTranslations("reports");
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      {(state, pending) => (
        <>
          <input type="hidden" name="planId" value={planId} />
          <p className="text-sm text-muted-foreground">{t("rankingWeightsHint")}</p>
          <div className="flex flex-wrap gap-4">
            {WEIGHT_KEYS.map((k) => (
              <div key={k} className="flex flex-col gap-1">
                <Label htmlFor={`weight-${k}`}>{t(LABEL[k])}</Label>
                <Input id={`weight-${k}`} name={k} type="number" min={0} max={100} defaultValue={weights[k]} className="w-28" aria-describedby={`weight-${k}-error`} />
                <FieldError id={`weight-${k}-error`} messages={state.fieldErrors?.[k]} />
              </div>
            ))}
          </div>
          {/* 红黑榜 thresholds (decision 032). */}
          <p className="text-sm text-muted-foreground">{t("rankingListsHint")}</p>
          <div className="flex flex-wrap gap-4">
            {LIST_FIELDS.map(([k, label, min, max]) => (
              <div key={k} className="flex flex-col gap-1">
                <Label htmlFor={`lists-${k}`}>{t(label)}</Label>
                <Input id={`lists-${k}`} name={k} type="number" min={min} max={max} defaultValue={lists[k]} className="w-28" aria-describedby={`lists-${k}-error`} />
                <FieldError id={`lists-${k}-error`} messages={state.fieldErrors?.[k]} />
              </div>
            ))}
          </div>
          <div>
            <Button type="submit" variant="outline" disabled={pending} data-testid="save-ranking-weights">
              {t("save")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
