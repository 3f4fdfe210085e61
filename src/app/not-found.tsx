import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/status-page";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return <StatusPage code="404" title={t("notFoundTitle")} message={t("notFound")} homeLabel={t("home")} />;
}
