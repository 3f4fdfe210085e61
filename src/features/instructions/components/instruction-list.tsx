import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { chinaDateTime, isoDay } from "@/lib/due";
import { can, type Principal } from "@/lib/permissions";
import { assignInstructionAction, decideInstructionAction, replyInstructionAction } from "../actions";
import { AssignInstructionForm, DecideInstructionForm, ReplyInstructionForm } from "./instruction-forms";

export interface InstructionItem {
  id: string;
  text: string;
  createdAt: Date;
  state: "PENDING" | "ASSIGNED" | "REPLIED" | "CLOSED";
  deadline: Date | string | null;
  reply: string | null;
  repliedAt: Date | null;
  returnReason: string | null;
  version: number;
  department: { id: string; shortName: string } | null;
  author: { displayName: string };
  measure: { id: string; number: number; keyTask: { number: number } };
}

const stateTone = { PENDING: "warning", ASSIGNED: "primary", REPLIED: "success", CLOSED: "neutral" } as const;

/**
 * Leader instructions with where each stands (待交办 → 已交办 → 已报落实情况 → 已办结) and, for the
 * caller, the step that is theirs: assign, report, close or send back (the policy decides).
 */
export async function InstructionList({
  user,
  instructions,
  departments,
  today,
  showMeasure = false,
  testId = "instructions",
}: {
  user: Principal;
  instructions: InstructionItem[];
  departments: { id: string; shortName: string }[];
  today: string;
  showMeasure?: boolean;
  testId?: string;
}) {
  const t = await getTranslations("instructions");
  const when = (d: Date) => chinaDateTime(d);
  return (
    <ul className="flex flex-col gap-2 text-sm" data-testid={testId}>
      {instructions.map((i) => {
        const deadline = i.deadline === null ? null : typeof i.deadline === "string" ? i.deadline : isoDay(i.deadline);
        const late = deadline !== null && i.state === "ASSIGNED" && deadline < today;
        return (
          <li key={i.id} className="rounded-md bg-amber-50 px-3 py-2" data-testid="instruction" data-state={i.state}>
            <div className="flex flex-wrap items-center gap-1.5">
              <Badge tone={stateTone[i.state]} data-testid="instruction-state">
                {t(`state${i.state}`)}
              </Badge>
              {late ? <Badge tone="danger">{t("overdue")}</Badge> : null}
              {showMeasure ? (
                <Link href={`/measures/${i.measure.id}`} className="font-medium text-primary hover:underline">
                  {t("measure")} {i.measure.keyTask.number}.{i.measure.number}
                </Link>
              ) : null}
              <span className="text-xs text-muted-foreground">
                {i.department ? (deadline ? t("assignedTo", { department: i.department.shortName, date: deadline }) : t("pendingTo", { department: i.department.shortName })) : null}
              </span>
            </div>
            <p className="mt-1 whitespace-pre-wrap">{i.text}</p>
            <p className="mt-1 text-xs text-muted-foreground">
              {i.author.displayName} · {when(i.createdAt)}
            </p>
            {i.reply && i.state !== "ASSIGNED" ? (
              <div className="mt-2 rounded border border-emerald-200 bg-white px-2 py-1.5" data-testid="instruction-reply">
                <p className="text-xs font-semibold text-emerald-800">
                  {t("replyLabel")}
                  {i.repliedAt ? ` · ${when(i.repliedAt)}` : ""}
                </p>
                <p className="whitespace-pre-wrap">{i.reply}</p>
              </div>
            ) : null}
            {i.state === "ASSIGNED" && i.returnReason ? <p className="mt-1 text-xs text-red-700">{t("lastReturn", { reason: i.returnReason })}</p> : null}
            <div className="mt-2 flex flex-col gap-2 empty:hidden">
              {(i.state === "PENDING" || i.state === "ASSIGNED") && can(user, "instruction:assign") ? (
                <AssignInstructionForm
                  instructionId={i.id}
                  version={i.version}
                  departments={departments}
                  departmentId={i.department?.id ?? null}
                  minDate={today}
                  reassign={i.state === "ASSIGNED"}
                  action={assignInstructionAction}
                />
              ) : null}
              {i.state === "ASSIGNED" && can(user, "instruction:reply", { departmentId: i.department?.id ?? null }) ? (
                <ReplyInstructionForm instructionId={i.id} version={i.version} action={replyInstructionAction} />
              ) : null}
              {i.state === "REPLIED" && can(user, "instruction:close") ? <DecideInstructionForm instructionId={i.id} version={i.version} action={decideInstructionAction} /> : null}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
