import { getTranslations } from "next-intl/server";

/** An audit action in words, falling back to its code. */
export async function AuditActionLabel({ action }: { action: string }) {
  const t = await getTranslations("auditActions");
  const key = action.replace(".", "_");
  return <span title={action}>{t.has(key) ? t(key) : action}</span>;
}
