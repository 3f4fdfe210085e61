/**
 * Finding 8 of issue 8: saving while the database is down lost the typed text (the action threw,
 * the form was replaced by the error page) and the route handlers answered 500. Here the app's
 * database client points at an address where nothing listens: a real driver failure, without
 * stopping the PostgreSQL server other tests use.
 */
import { createServer } from "node:net";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import messages from "../../messages/zh-CN.json";
import type { CurrentUser } from "@/server/auth";

const state = vi.hoisted(() => ({ user: null as CurrentUser | null, url: "" }));

/** A port with nothing listening on it. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
state.url = `postgresql://postgres@127.0.0.1:${await closedPort()}/duban`;

vi.mock("@/server/db", async () => {
  const { prismaFor } = await import("../../scripts/lib/prisma");
  return { db: prismaFor(state.url) };
});
// Like the real one: the session names a user, who is then looked up in the database.
vi.mock("@/server/auth", async (importOriginal) => {
  const { db } = await import("@/server/db");
  return {
    ...(await importOriginal<typeof import("@/server/auth")>()),
    getCurrentUser: async () => state.user ?? (await db.user.findUnique({ where: { id: "someone" } }), null),
    getActor: async () => (state.user ? { ...state.user, ip: "127.0.0.1" } : (await db.user.findUnique({ where: { id: "someone" } }), null)),
    requestAddress: async () => "127.0.0.1",
  };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", async () => (await import("../support/request-mocks")).chineseTranslations());
vi.mock("@/server/evidence-store", async () => {
  const { folderStore } = await import("@/features/reports/evidence");
  return { evidenceStore: () => folderStore("/nonexistent"), evidenceLimits: () => ({ maxBytes: 1024 * 1024, maxFiles: 5 }) };
});

const { saveReportAction, reviewReportAction } = await import("@/features/reports/actions");
const { markAllReadAction } = await import("@/features/notifications/actions");
const { initialActionState } = await import("@/lib/action-state");
const { GET: downloadAttachment } = await import("@/app/api/attachments/[attachmentId]/route");
const { GET: exportQuarterly } = await import("@/app/api/plans/[planCode]/exports/quarterly/route");
const { GET: currentPlanExport } = await import("@/app/api/exports/quarterly/route");
const { db } = await import("@/server/db");

const liaison: CurrentUser = { id: "u1", loginName: "yjj", displayName: "联络员", role: "LIAISON", departmentId: "d1", departmentName: "市应急局" };
const reportForm = () => {
  const f = new FormData();
  for (const [k, v] of Object.entries({ periodId: "p1", expectedVersion: "0", intent: "submit", progress: "IN_PROGRESS", workDone: "本季度完成了三次检查。", problems: "", nextSteps: "" })) f.append(k, v);
  return f;
};

// The outage is logged as a warning on every call; expected here.
beforeEach(() => {
  vi.spyOn(console, "warn").mockImplementation(() => {});
});
afterAll(() => db.$disconnect());

describe("a server action while the database is down", () => {
  it("answers 'unavailable, nothing lost' when the caller cannot even be looked up", async () => {
    state.user = null;
    const outcome = await saveReportAction(initialActionState, reportForm());
    expect(outcome).toEqual({ ok: false, message: messages.errors.unavailableKept, unavailable: true });
  });

  it("answers the same when the save itself cannot reach the database", async () => {
    state.user = liaison;
    const outcome = await saveReportAction(initialActionState, reportForm());
    expect(outcome).toEqual({ ok: false, message: messages.errors.unavailableKept, unavailable: true });
    state.user = { ...liaison, role: "ADMIN", departmentId: null };
    const review = new FormData();
    for (const [k, v] of Object.entries({ reportId: "r1", expectedVersion: "1", decision: "ACCEPT", reason: "" })) review.append(k, v);
    expect(await reviewReportAction(initialActionState, review)).toMatchObject({ ok: false, message: messages.errors.unavailableKept });
  });
});

describe("an action outside runAction while the database is down", () => {
  it("marking notifications read answers 'temporarily unavailable'", async () => {
    state.user = null;
    expect(await markAllReadAction()).toEqual({ ok: false, message: messages.errors.unavailable, unavailable: true });
  });
});

describe("a route handler while the database is down", () => {
  it("answers an evidence download with 503 and Retry-After", async () => {
    state.user = null;
    const response = await downloadAttachment(new Request("http://localhost/api/attachments/a1"), { params: Promise.resolve({ attachmentId: "a1" }) });
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("30");
    expect(await response.text()).toMatch(/服务暂时不可用/);
  });

  it("answers the quarterly export with 503 and Retry-After", async () => {
    state.user = { ...liaison, role: "LEADER", departmentId: null };
    const response = await exportQuarterly(new Request("http://localhost/api/plans/hs-gsyf-2021-2025/exports/quarterly"), { params: Promise.resolve({ planCode: "hs-gsyf-2021-2025" }) });
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("30");
    // The earlier, plan-less address too: finding the current plan needs the database.
    const earlier = await currentPlanExport(new Request("http://localhost/api/exports/quarterly"));
    expect(earlier.status).toBe(503);
  });
});
