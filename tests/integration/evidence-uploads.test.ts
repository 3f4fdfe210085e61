/**
 * Evidence uploads end to end below the browser: the upload route (who may send, how much,
 * what type; refusals leave nothing on disk and are answered before the body is read), the
 * save that attaches uploaded references (only the uploader's own, unexpired, for that
 * report), the names files are stored and served under, and the sweep of unused files.
 */
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import messages from "../../messages/zh-CN.json";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { GET as download } from "@/app/api/attachments/[attachmentId]/route";
import { POST as uploadRoute } from "@/app/api/evidence-uploads/route";
import { folderStore } from "@/features/reports/evidence";
import { saveReport, UPLOAD_TTL_MS, type SaveReportInput } from "@/features/reports/mutations";
import type { Actor } from "@/lib/permissions";
import { sweepEvidence } from "@/features/reports/uploads";
import { seedDemoAccounts } from "@/features/seed/seed-demo";
import type { CurrentUser } from "@/server/auth";
import { db } from "@/server/db";

const state = vi.hoisted(() => ({ user: null as CurrentUser | null, evidenceDir: "", maxBytes: 1024 * 1024 }));

vi.mock("@/server/auth", async (importOriginal) =>
  (await import("../support/request-mocks")).signedInAs(await importOriginal<typeof import("@/server/auth")>(), () => state.user),
);
vi.mock("next-intl/server", async () => (await import("../support/request-mocks")).chineseTranslations());
vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});
vi.mock("@/server/evidence-store", async () => {
  const { folderStore } = await import("@/features/reports/evidence");
  return {
    evidenceStore: () => folderStore(state.evidenceDir),
    evidenceLimits: () => ({ maxBytes: state.maxBytes, maxFiles: 3 }),
  };
});

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const HTML = new TextEncoder().encode("<!doctype html><script>alert(document.cookie)</script>");
const users = {} as Record<"liaison" | "colleague" | "other" | "leader" | "admin", CurrentUser>;
let periods: string[] = [];

async function currentUser(loginName: string): Promise<CurrentUser> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName }, include: { department: true } });
  return { id: u.id, loginName: u.loginName, displayName: u.displayName, role: u.role, departmentId: u.departmentId, departmentName: u.department?.shortName ?? null };
}
const actorOf = (u: CurrentUser): Actor => ({ id: u.id, loginName: u.loginName, role: u.role, departmentId: u.departmentId, ip: "127.0.0.1" });
const filesOnDisk = () => readdirSync(state.evidenceDir).sort();

/** A body that records whether anyone read from it. */
function watchedBody(bytes: Uint8Array, chunks = 1) {
  const watch = { read: 0 };
  const size = Math.ceil(bytes.byteLength / chunks);
  let offset = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        watch.read++;
        if (offset >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + size));
        offset += size;
      },
    },
    // Nothing is read ahead: a pull means the route asked for the body.
    { highWaterMark: 0 },
  );
  return { body, watch };
}

/** Calls the upload route as `user` (null: signed out). */
async function post(user: CurrentUser | null, periodId: string, name: string, bytes: Uint8Array, options: { length?: boolean; headers?: Record<string, string>; chunks?: number } = {}) {
  const { body, watch } = watchedBody(bytes, options.chunks);
  const headers: Record<string, string> = { "content-type": "application/octet-stream", host: "duban.test", ...options.headers };
  if (options.length !== false) headers["content-length"] = String(bytes.byteLength);
  const request = new Request(`http://duban.test/api/evidence-uploads?${new URLSearchParams({ periodId, name })}`, {
    method: "POST",
    headers,
    body,
    duplex: "half",
  } as RequestInit);
  state.user = user;
  try {
    const response = await uploadRoute(request);
    return { status: response.status, body: (await response.json()) as { reference?: string; name?: string; size?: number; message?: string }, watch };
  } finally {
    state.user = null;
  }
}

const draft = (periodId: string, uploads: string[], over: Partial<SaveReportInput> = {}): SaveReportInput => ({
  periodId,
  expectedVersion: 0,
  progress: "IN_PROGRESS",
  workDone: "已印发通报。",
  problems: "",
  nextSteps: "",
  values: {},
  uploads,
  removeAttachmentIds: [],
  submit: false,
  ...over,
});

beforeAll(async () => {
  state.evidenceDir = mkdtempSync(path.join(tmpdir(), "duban-uploads-"));
  await seedShippedPlans(db);
  await seedDemoAccounts(db);
  const [liaison, other, leader, admin] = await Promise.all(["wjw", "czj", "leader", "admin"].map(currentUser));
  const colleagueRow = await db.user.upsert({
    where: { loginName: "wjw-colleague-uploads" },
    create: { loginName: "wjw-colleague-uploads", displayName: "卫健委同事", role: "LIAISON", departmentId: liaison.departmentId, passwordHash: "unused" },
    update: {},
  });
  Object.assign(users, { liaison, other, leader, admin, colleague: await currentUser(colleagueRow.loginName) });
  // Periods of a measure 市卫健委 leads other than 6.5 (which the other files use), with no report yet.
  const measure = await db.measure.findFirstOrThrow({
    where: { departments: { some: { departmentId: liaison.departmentId!, isLead: true } }, NOT: { number: 5, keyTask: { number: 6 } } },
    orderBy: [{ keyTask: { number: "desc" } }, { number: "desc" }],
    select: { id: true },
  });
  const free = await db.reportingPeriod.findMany({ where: { measureId: measure.id, reports: { none: {} } }, orderBy: { periodEnd: "asc" }, take: 6, select: { id: true } });
  expect(free).toHaveLength(6);
  periods = free.map((p) => p.id);
});

beforeEach(() => {
  state.maxBytes = 1024 * 1024;
});

afterAll(async () => {
  rmSync(state.evidenceDir, { recursive: true, force: true });
  await db.$disconnect();
});

describe("the upload route refuses, before reading the body, and stores nothing", () => {
  it("refuses a signed-out caller", async () => {
    const before = filesOnDisk();
    const answer = await post(null, periods[0], "通报.pdf", PDF);
    expect(answer.status).toBe(401);
    expect(answer.body.message).toBe(messages.api.signInRequired);
    expect(answer.watch.read).toBe(0);
    expect(filesOnDisk()).toEqual(before);
  });

  it("refuses a leader and an administrator, who do not write reports", async () => {
    for (const user of [users.leader, users.admin]) {
      const answer = await post(user, periods[0], "通报.pdf", PDF);
      expect(answer.status).toBe(403);
      expect(answer.watch.read).toBe(0);
    }
    expect(filesOnDisk()).toEqual([]);
  });

  it("refuses a liaison whose department does not carry the measure", async () => {
    const answer = await post(users.other, periods[0], "通报.pdf", PDF);
    expect(answer).toMatchObject({ status: 403, body: { message: messages.authz.notYours } });
    expect(answer.watch.read).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it("refuses an unknown period and a report locked for review", async () => {
    expect((await post(users.liaison, "forged-period", "通报.pdf", PDF)).status).toBe(404);
    await saveReport(db, folderStore(state.evidenceDir), { maxBytes: state.maxBytes, maxFiles: 3 }, actorOf(users.liaison), draft(periods[5], [], { submit: true }));
    const locked = await post(users.liaison, periods[5], "通报.pdf", PDF);
    expect(locked).toMatchObject({ status: 409, body: { message: messages.reports.locked } });
    expect(locked.watch.read).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it("refuses a request from another site's page, and one not sent as a raw file", async () => {
    expect((await post(users.liaison, periods[0], "通报.pdf", PDF, { headers: { origin: "https://evil.example" } })).status).toBe(403);
    expect((await post(users.liaison, periods[0], "通报.pdf", PDF, { headers: { "content-type": "multipart/form-data; boundary=x" } })).status).toBe(403);
    expect(filesOnDisk()).toEqual([]);
  });

  it("refuses a file declared larger than the limit without reading it", async () => {
    const big = new Uint8Array(state.maxBytes + 1);
    big.set(PDF);
    const answer = await post(users.liaison, periods[0], "大文件.pdf", big);
    expect(answer.status).toBe(413);
    expect(answer.body.message).toBe("文件“大文件.pdf”超过 1 MB");
    expect(answer.watch.read).toBe(0);
    expect(filesOnDisk()).toEqual([]);
  });

  it("stops reading a file that passes the limit without declaring its length, and leaves no partial file", async () => {
    const big = new Uint8Array(state.maxBytes * 4);
    big.set(PDF);
    const answer = await post(users.liaison, periods[0], "大文件.pdf", big, { length: false, chunks: 16 });
    expect(answer.status).toBe(413);
    // It stopped at the limit: not every chunk was pulled.
    expect(answer.watch.read).toBeLessThan(16);
    expect(filesOnDisk()).toEqual([]);
  });

  it("refuses content that is not an accepted type, whatever its name, and an empty file", async () => {
    const html = await post(users.liaison, periods[0], "通报.pdf", HTML);
    expect(html).toMatchObject({ status: 415, body: { message: messages.reports.fileType.replace("{name}", "通报.pdf") } });
    const empty = await post(users.liaison, periods[0], "空.pdf", new Uint8Array(0));
    expect(empty.status).toBe(400);
    expect(filesOnDisk()).toEqual([]);
  });
});

describe("an accepted upload", () => {
  it("is stored under the extension of its detected type and a name without reordering characters, and served so", async () => {
    const answer = await post(users.liaison, periods[0], "invoice\u202elmth.pdf.html", PDF, { chunks: 3 });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ name: "invoicelmth.pdf.pdf", size: PDF.byteLength });
    const reference = answer.body.reference!;
    expect(filesOnDisk()).toEqual([reference, `${reference}.upload.json`]);

    const saved = await saveReport(db, folderStore(state.evidenceDir), { maxBytes: state.maxBytes, maxFiles: 3 }, actorOf(users.liaison), draft(periods[0], [reference]));
    const attachment = await db.attachment.findFirstOrThrow({ where: { reportId: saved.reportId } });
    expect(attachment).toMatchObject({ storedName: reference, originalName: "invoicelmth.pdf.pdf", mimeType: "application/pdf", size: PDF.byteLength });
    // Attached: the pending-upload description is gone, the file stays.
    expect(filesOnDisk()).toEqual([reference]);

    state.user = users.liaison;
    const response = await download(new Request("http://duban.test/"), { params: Promise.resolve({ attachmentId: attachment.id }) });
    state.user = null;
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="invoicelmth.pdf.pdf"; filename*=UTF-8''invoicelmth.pdf.pdf`);
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), Buffer.from(PDF))).toBe(0);
  });

  it("serves a name stored before names were cleaned with the detected type's extension and no bidi characters", async () => {
    const answer = await post(users.liaison, periods[1], "a.pdf", PDF);
    const saved = await saveReport(db, folderStore(state.evidenceDir), { maxBytes: state.maxBytes, maxFiles: 3 }, actorOf(users.liaison), draft(periods[1], [answer.body.reference!]));
    const attachment = await db.attachment.findFirstOrThrow({ where: { reportId: saved.reportId } });
    await db.attachment.update({ where: { id: attachment.id }, data: { originalName: "报告\u202egpj.html" } });
    state.user = users.admin;
    const response = await download(new Request("http://duban.test/"), { params: Promise.resolve({ attachmentId: attachment.id }) });
    state.user = null;
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="__gpj.pdf"; filename*=UTF-8''${encodeURIComponent("报告gpj.pdf")}`);
  });
});

describe("attaching uploads to a report", () => {
  const store = () => folderStore(state.evidenceDir);
  const limits = () => ({ maxBytes: state.maxBytes, maxFiles: 3 });

  it("attaches only the uploader's own references: a colleague's, or one made for another period, is refused and nothing is saved", async () => {
    const mine = (await post(users.liaison, periods[2], "a.pdf", PDF)).body.reference!;
    const colleagues = (await post(users.colleague, periods[2], "b.pdf", PDF)).body.reference!;
    const elsewhere = (await post(users.liaison, periods[3], "c.pdf", PDF)).body.reference!;
    for (const uploads of [[mine, colleagues], [elsewhere], ["0".repeat(32)]]) {
      await expect(saveReport(db, store(), limits(), actorOf(users.liaison), draft(periods[2], uploads))).rejects.toMatchObject({ key: "uploadExpired" });
    }
    expect(await db.progressReport.count({ where: { periodId: periods[2] } })).toBe(0);
    // The refused references stay pending for their owners.
    expect(await store().pending(colleagues)).toMatchObject({ uploaderId: users.colleague.id });
    const saved = await saveReport(db, store(), limits(), actorOf(users.liaison), draft(periods[2], [mine, mine]));
    expect((await db.attachment.findMany({ where: { reportId: saved.reportId } })).map((a) => a.storedName)).toEqual([mine]);
    // A reference attaches once.
    await expect(saveReport(db, store(), limits(), actorOf(users.liaison), draft(periods[2], [mine], { expectedVersion: saved.version }))).rejects.toMatchObject({
      key: "uploadExpired",
    });
  });

  it("refuses an expired upload", async () => {
    const reference = (await post(users.liaison, periods[3], "old.pdf", PDF)).body.reference!;
    const meta = await store().pending(reference);
    const old = new Date(Date.now() - UPLOAD_TTL_MS - 1000).toISOString();
    writeFileSync(path.join(state.evidenceDir, `${reference}.upload.json`), JSON.stringify({ ...meta, createdAt: old }));
    await expect(saveReport(db, store(), limits(), actorOf(users.liaison), draft(periods[3], [reference]))).rejects.toMatchObject({ key: "uploadExpired" });
    expect(await db.progressReport.count({ where: { periodId: periods[3] } })).toBe(0);
  });
});

describe("the sweep of unused evidence files", () => {
  it("removes broken-off, never-attached and unreferenced files, and leaves young and referenced ones", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "duban-sweep-"));
    const store = folderStore(dir);
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000);
    const file = (name: string, age: number, content = "x") => {
      const p = path.join(dir, name);
      writeFileSync(p, content);
      utimesSync(p, hoursAgo(age), hoursAgo(age));
    };
    const name = (c: string) => c.repeat(32);
    // A file a report cites, written long ago.
    const report = await db.progressReport.findFirstOrThrow({ where: { periodId: periods[0] } });
    file(name("a"), 100);
    await db.attachment.create({ data: { reportId: report.id, originalName: "a.pdf", storedName: name("a"), mimeType: "application/pdf", size: 1, sha256: "x", uploadedById: users.liaison.id } });
    file(name("b"), 100); // left by a crash: no row, no pending upload
    file(name("c"), 0.1); // just written: an upload finishing
    file(`${name("d")}.part`, 5); // an upload that broke off (kill -9)
    file(`${name("e")}.part`, 0.1); // an upload under way
    const pending = (c: string, createdHoursAgo: number) => {
      file(name(c), createdHoursAgo);
      file(`${name(c)}.upload.json`, createdHoursAgo, JSON.stringify({ uploaderId: users.liaison.id, periodId: periods[0], departmentId: users.liaison.departmentId, originalName: "p.pdf", mimeType: "application/pdf", size: 1, sha256: "x", createdAt: hoursAgo(createdHoursAgo).toISOString() }));
    };
    pending("f", 3); // uploaded, not yet attached, within its day
    pending("0", 30); // uploaded, never attached, expired
    file("README.txt", 100); // not an evidence file: never touched

    expect(await sweepEvidence(db, store, { now })).toEqual({ removed: 4 });
    expect(readdirSync(dir).sort()).toEqual(["README.txt", name("a"), name("c"), `${name("e")}.part`, name("f"), `${name("f")}.upload.json`].sort());
    // Idempotent.
    expect(await sweepEvidence(db, store, { now })).toEqual({ removed: 0 });
    rmSync(dir, { recursive: true, force: true });
  });
});
