"use client";

import { useState } from "react";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { removeDemoDataAction } from "../actions";

/** 清除演示数据, asked twice: the first click asks, the second removes. */
export function RemoveDemoButton({ labels }: { labels: { remove: string; confirmQuestion: string; confirm: string; cancel: string; removing: string } }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button type="button" size="sm" variant="outline" className="border-amber-400 bg-white" onClick={() => setAsking(true)}>
        {labels.remove}
      </Button>
    );
  }
  return (
    <ActionForm action={removeDemoDataAction} className="flex flex-wrap items-center gap-2" messageClassName="w-full">
      {(_state, pending) => (
        <>
          <span className="font-medium">{labels.confirmQuestion}</span>
          <input type="hidden" name="confirm" value="yes" />
          <Button type="submit" size="sm" variant="destructive" disabled={pending}>
            {pending ? labels.removing : labels.confirm}
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setAsking(false)} disabled={pending}>
            {labels.cancel}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
