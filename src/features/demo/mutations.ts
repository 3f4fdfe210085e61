import type { PrismaClient } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { DemoModeError } from "@/features/seed/demo-history";
import { authorize, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";

/** What a removal took away, by table. */
export interface DemoRemoval {
  reports: number;
  extensions: number;
  departmentDues: number;
  instructions: number;
  notices: number;
  closures: number;
  measuresReopened: number;
}

/**
 * 清除演示数据 (decision 030): removes every row the demonstration inserted, as listed in DemoData,
 * in one transaction with one audit event, leaving each plan as a fresh installation has it. Rows
 * added since to a demonstration record (a review of a demonstration report, its revisions and
 * values) go with it; nothing else is touched. Administrators only, embedded mode only (`mode` is
 * the database mode the launcher set).
 */
export async function removeDemoData(db: PrismaClient, actor: Actor, options: { mode: "embedded" | "server" }): Promise<DemoRemoval> {
  authorize(actor, "demo:remove");
  if (options.mode !== "embedded") throw new DemoModeError();
  return db.$transaction(
    async (tx) => {
      const markers = await tx.demoData.findMany({ select: { entityType: true, entityId: true } });
      if (markers.length === 0) throw new RuleError("admin", "demoNothing");
      const ids = (type: string) => markers.filter((m) => m.entityType === type).map((m) => m.entityId);
      const dues = ids("DepartmentDueDate").map((key) => {
        const [periodId, departmentId] = key.split(":");
        return { periodId, departmentId };
      });
      const notices = await tx.supervisionNotice.deleteMany({ where: { id: { in: ids("SupervisionNotice") } } });
      const instructions = await tx.leaderInstruction.deleteMany({ where: { id: { in: ids("LeaderInstruction") } } });
      const departmentDues = dues.length ? await tx.departmentDueDate.deleteMany({ where: { OR: dues } }) : { count: 0 };
      const extensions = await tx.extensionRequest.deleteMany({ where: { id: { in: ids("ExtensionRequest") } } });
      const closures = await tx.measureClosure.deleteMany({ where: { id: { in: ids("MeasureClosure") } } });
      // Revisions, indicator values and attachments go with their report (ON DELETE CASCADE).
      const reports = await tx.progressReport.deleteMany({ where: { id: { in: ids("ProgressReport") } } });
      // A measure the demonstration closed opens again, unless a closure of its own closes it since.
      const measuresReopened = await tx.measure.updateMany({
        where: { id: { in: ids("Measure.closedAt") }, closedAt: { not: null }, closures: { none: { state: "CLOSED" } } },
        data: { closedAt: null },
      });
      await tx.demoData.deleteMany({});
      const removed: DemoRemoval = {
        reports: reports.count,
        extensions: extensions.count,
        departmentDues: departmentDues.count,
        instructions: instructions.count,
        notices: notices.count,
        closures: closures.count,
        measuresReopened: measuresReopened.count,
      };
      await recordActorEvent(tx, actor, { action: "demo.remove", entityType: "DemoData", before: { rows: markers.length }, after: { ...removed } });
      return removed;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
