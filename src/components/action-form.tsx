"use client";

import { useActionState, type ReactNode } from "react";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { cn } from "@/lib/cn";

/** A form bound to a server action, with the action's message announced beside it. */
export function ActionForm({
  action,
  children,
  className,
  messageClassName,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  children: ReactNode | ((state: ActionState, pending: boolean) => ReactNode);
  className?: string;
  messageClassName?: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialActionState);
  return (
    <form action={formAction} className={className}>
      {typeof children === "function" ? children(state, pending) : children}
      <p aria-live="polite" className={cn("text-sm", state.ok ? "text-emerald-700" : "text-destructive", messageClassName)}>
        {state.message}
      </p>
    </form>
  );
}
