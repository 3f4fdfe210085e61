"use client";

import { useTranslations } from "next-intl";

export interface TaskProgressRow {
  number: number;
  title: string;
  progressPct: number | null;
  periodsDue: number;
  periodsDone: number;
  red: number;
  yellow: number;
  green: number;
  /** The 进度 lights of the task's measures. */
  progressRed?: number;
  progressYellow?: number;
  progressGreen?: number;
}

/**
 * Each key task's progress with its lights, every figure a link to the list behind it, and the
 * title a link to the task's timeline. A client component so that the page carries the rows as
 * data rather than as rendered markup twice over (a province-scale plan has dozens of tasks).
 * The links are the list addresses given, with the task appended.
 */
export function TaskProgress({
  tasks,
  timelineHref,
  asOfQuery,
  dueHref,
  lightHref,
  progressHref,
}: {
  tasks: TaskProgressRow[];
  /** The plan's task timelines, up to the task number. */
  timelineHref: string;
  /** "?asOf=…", carried to the timeline. */
  asOfQuery: string;
  dueHref: string;
  lightHref: { RED: string; YELLOW: string; GREEN: string };
  /** The lists behind the 进度 counts; without them no 进度 counts are shown. */
  progressHref?: { RED: string; YELLOW: string; GREEN: string };
}) {
  const t = useTranslations("dashboard");
  const figure = (label: string, value: number) => t("figureLink", { label, value: String(value) });
  const lights = [
    ["RED", "text-red-700", "bg-red-600"],
    ["YELLOW", "text-amber-600", "bg-amber-400"],
    ["GREEN", "text-emerald-700", "bg-emerald-600"],
  ] as const;
  return (
    <>
      <p className="text-xs text-muted-foreground" data-testid="task-progress-legend">
        {t(progressHref ? "taskProgressLegendBoth" : "taskProgressLegend")}
      </p>
      {tasks.map((task) => (
        <div key={task.number} className="text-sm" data-testid="task-progress">
          <div className="flex justify-between gap-2">
            <a
              href={`${timelineHref}${task.number}${asOfQuery}`}
              aria-label={t("timelineLink", { task: `${task.number}. ${task.title}` })}
              title={task.title}
              className="truncate hover:text-primary hover:underline"
            >
              {task.number}. {task.title}
            </a>
            <span className="shrink-0 tabular-nums text-muted-foreground">
              {task.progressPct === null ? (
                t("noneDue")
              ) : (
                <a href={`${dueHref}&task=${task.number}`} aria-label={t("taskProgressLink", { number: task.number, due: task.periodsDue, done: task.periodsDone })} className="hover:underline">
                  {task.progressPct}%
                </a>
              )}{" "}
              ·{" "}
              {lights.map(([light, colour, dot], i) => (
                <span key={light} className={i > 0 ? "ml-1.5" : undefined}>
                  <span className={`mr-0.5 inline-block size-2 rounded-full ${dot}`} aria-hidden />
                  <a
                    href={`${lightHref[light]}&task=${task.number}`}
                    aria-label={figure(`${t("taskLabel", { number: task.number })} ${t(`light${light}`)}`, task[light.toLowerCase() as "red" | "yellow" | "green"])}
                    className={`hover:underline ${colour}`}
                  >
                    {task[light.toLowerCase() as "red" | "yellow" | "green"]}
                  </a>
                </span>
              ))}
              {progressHref ? (
                <>
                  {" "}· {t("lightProgress")}{" "}
                  {lights.map(([light, colour, dot], i) => {
                    const count = task[`progress${light[0]}${light.slice(1).toLowerCase()}` as "progressRed" | "progressYellow" | "progressGreen"] ?? 0;
                    return (
                      <span key={light} className={i > 0 ? "ml-1.5" : undefined}>
                        <span className={`mr-0.5 inline-block size-2 rounded-sm ${dot}`} aria-hidden />
                        <a
                          href={`${progressHref[light]}&task=${task.number}`}
                          aria-label={figure(`${t("taskLabel", { number: task.number })} ${t("lightProgress")}${t(`light${light}`)}`, count)}
                          className={`hover:underline ${colour}`}
                        >
                          {count}
                        </a>
                      </span>
                    );
                  })}
                </>
              ) : null}
            </span>
          </div>
          <div className="mt-1 h-2 rounded bg-muted" role="progressbar" aria-valuenow={task.progressPct ?? 0} aria-valuemin={0} aria-valuemax={100} aria-label={`${task.number}. ${task.title}`}>
            <div className="h-2 rounded bg-primary" style={{ width: `${task.progressPct ?? 0}%` }} />
          </div>
        </div>
      ))}
    </>
  );
}
