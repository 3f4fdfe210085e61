"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";

/** Ends the session and returns to the sign-in page. */
export function SignOutButton() {
  const t = useTranslations("nav");
  return (
    <Button variant="ghost" size="sm" className="text-white hover:bg-white/10" onClick={() => signOut({ callbackUrl: "/login" })}>
      <LogOut className="size-4" aria-hidden />
      {t("signOut")}
    </Button>
  );
}
