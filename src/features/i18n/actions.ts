"use server";

import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { localeCookie, toLocale } from "@/i18n/config";

/** Switches the interface language; open to anyone, it only sets a preference cookie. */
export async function setLocale(formData: FormData): Promise<void> {
  const locale = toLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(localeCookie, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  revalidatePath("/", "layout");
}
