"use client";

import { startTransition, useActionState, useEffect, type FormEvent, type ReactNode } from "react";
import { toast } from "sonner";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { cn } from "@/lib/cn";

/**
 * A form bound to a server action. A refusal is announced beside the form; a success at the top of
 * the page (src/components/toaster.tsx), where it stays seen after the page refreshed to the new
 * state, even when that state has no place for the form any more.
 * Submitted through a transition rather than the `action` prop, so a refused
 * submission keeps what the user typed; the answer brings the page's server data
 * back refreshed (the action calls `refresh()`).
 */
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
  // The page itself comes back refreshed with the action's answer (src/server/run-action.ts).
  useEffect(() => {
    if (state.ok && state.message) toast.success(state.message);
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => formAction(data));
  }

  return (
    <form onSubmit={onSubmit} className={className} noValidate>
      {typeof children === "function" ? children(state, pending) : children}
      <p aria-live="polite" role="status" className={cn("text-sm text-destructive", messageClassName)}>
        {state.ok ? null : state.message}
      </p>
    </form>
  );
}
