import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

const badgeVariants = cva("inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap", {
  variants: {
    tone: {
      neutral: "bg-muted text-muted-foreground",
      primary: "bg-primary/10 text-primary",
      warning: "bg-amber-100 text-amber-900",
      danger: "bg-red-100 text-red-800",
      success: "bg-emerald-100 text-emerald-800",
    },
  },
  defaultVariants: { tone: "neutral" },
});

/** A short label: a role, a status, "牵头". */
export function Badge({ className, tone, ...props }: ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone }), className)} {...props} />;
}
