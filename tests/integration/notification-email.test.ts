/**
 * E-mail delivery of the scan's notifications, against a real SMTP server
 * (smtp-server on 127.0.0.1, a free port, with authentication) that nodemailer
 * talks to over the wire. Every test creates its own liaisons with their own
 * addresses and looks only at what reaches those addresses, so the tests depend
 * neither on their order nor on other files' rows.
 */
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { deliverNotificationEmails } from "../../src/features/notifications/email";
import { runNotificationScan } from "../../src/features/notifications/run";
import { issueNotice } from "../../src/features/notices/mutations";
import { addDays } from "../../src/lib/periods";
import { todayInChina } from "../../src/lib/due";
import type { MailSettings } from "../../src/server/env";
import { testDb } from "../support/db";
import { whileShippedPlanRan } from "../support/plans";

const db = testDb();
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
/** 2024-04-05 in China: the first quarter of 2024 is due on 04-10, within the 7-day window. */
const NOW = new Date("2024-04-05T02:00:00Z");
const BASE_URL = "https://duban.example.gov.cn";
const FROM = "督办 <duban@example.gov.cn>";
const SMTP_USER = "duban";
const SMTP_PASS = "s3cret-pass";
/** A department that carries measures with quarterly reports. */
const DEPARTMENT = "市应急局";

interface Received {
  envelopeFrom: string;
  envelopeTo: string[];
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

interface MailServer {
  settings: MailSettings;
  received: Received[];
  connections: () => number;
  close: () => Promise<void>;
}

const servers: MailServer[] = [];

/** A real SMTP server; `refuse` turns every recipient away with a 550, as a server rejecting the mailbox would. */
async function startMailServer(options: { refuse?: boolean } = {}): Promise<MailServer> {
  const received: Received[] = [];
  let connections = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onConnect(_session, callback) {
      connections++;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onRcptTo(_address, _session, callback) {
      if (options.refuse) {
        const error = new Error("Mailbox unavailable") as Error & { responseCode: number };
        error.responseCode = 550;
        callback(error);
      } else callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(", ") : (mail.to?.text ?? "");
          received.push({
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            from: mail.from?.text ?? "",
            to,
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            messageId: mail.messageId ?? "",
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  const handle: MailServer = {
    settings: { smtpUrl: `smtp://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}`, from: FROM, baseUrl: BASE_URL },
    received,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  servers.push(handle);
  return handle;
}

let departmentId = "";
let counter = 0;

/** A fresh liaison of DEPARTMENT, with an address unless `email` is null. */
async function liaison(email: string | null = "auto") {
  const n = ++counter;
  return db.user.create({
    data: {
      loginName: `mail-${suffix}-${n}`,
      displayName: `联络员${n}`,
      role: "LIAISON",
      departmentId,
      passwordHash: "not-used",
      email: email === "auto" ? `liaison${n}.${suffix}@example.gov.cn` : email,
    },
  });
}

function mailsTo(server: MailServer, address: string) {
  return server.received.filter((m) => m.envelopeTo.includes(address));
}

/** What the in-app notification says, written out here from the Chinese messages. */
function expectedSentence(n: { kind: string; params: unknown }): string {
  const p = n.params as Record<string, string>;
  switch (n.kind) {
    case "DUE_SOON":
      return `措施 ${p.measure}（${p.period}）将于 ${p.date} 截止，请及时填报。`;
    case "OVERDUE":
      return `措施 ${p.measure}（${p.period}）已于 ${p.date} 逾期，请尽快填报。`;
    case "RETURNED":
      return `措施 ${p.measure} 的报告被退回：${p.reason}`;
    case "INSTRUCTION":
      return `领导对措施 ${p.measure} 作出批示，请查看。`;
    default:
      throw new Error(`unexpected kind ${n.kind}`);
  }
}

// The scans below run on days the shipped plan was running (it ended on 2025-12-31).
let endPlan: () => Promise<void> = async () => {};

beforeAll(async () => {
  await seedShippedPlans(db);
  endPlan = await whileShippedPlanRan(db);
  departmentId = (await db.department.findFirstOrThrow({ where: { shortName: DEPARTMENT } })).id;
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  // The liaisons leave the department's roll, so later scans in other files do not count them.
  await db.user.updateMany({ where: { loginName: { startsWith: `mail-${suffix}-` } }, data: { active: false } });
  await endPlan();
  await db.$disconnect();
});

describe("e-mailing the scan's notifications", () => {
  it("sends each new notification once, to the user's address, with the in-app wording and an absolute link; a second scan sends nothing", async () => {
    const server = await startMailServer();
    const [a, b] = [await liaison(), await liaison()];

    const first = await runNotificationScan(db, server.settings, NOW);
    expect(first.skipped).toBe(false);
    for (const user of [a, b]) {
      const notifications = await db.notification.findMany({ where: { userId: user.id }, orderBy: { id: "asc" } });
      // The department owes the first quarter's reports of its measures: a real, non-trivial set.
      expect(notifications.filter((n) => n.kind === "DUE_SOON" && (n.params as { date: string }).date === "2024-04-10").length).toBeGreaterThan(0);
      const mails = mailsTo(server, user.email!);
      expect(mails).toHaveLength(notifications.length);
      expect(mails.map((m) => m.messageId).sort()).toEqual(notifications.map((n) => `<${n.id}@duban.example.gov.cn>`).sort());
      for (const n of notifications) {
        expect(n.emailedAt).toBeInstanceOf(Date);
        expect(n.emailClaimedAt).toBeInstanceOf(Date);
        const mail = mails.find((m) => m.messageId === `<${n.id}@duban.example.gov.cn>`)!;
        const sentence = expectedSentence(n);
        expect(mail.envelopeTo).toEqual([user.email]);
        expect(mail.to).toBe(user.email);
        expect(mail.envelopeFrom).toBe("duban@example.gov.cn");
        expect(mail.from).toBe('"督办" <duban@example.gov.cn>');
        const oneLine = sentence.replace(/\s+/g, " ").trim();
        expect(mail.subject).toBe(`【督办】${oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine}`);
        expect(mail.text).toContain(`${user.displayName}，您好：`);
        expect(mail.text).toContain(sentence);
        expect(n.link).toMatch(/^\/(reports|measures)\//);
        expect(mail.text).toContain(`查看详情：${BASE_URL}${n.link}`);
      }
    }
    expect(first.email?.sent).toBeGreaterThanOrEqual(mailsTo(server, a.email!).length + mailsTo(server, b.email!).length);
    expect(first.email?.failed).toBe(0);

    const countBefore = server.received.length;
    const second = await runNotificationScan(db, server.settings, NOW);
    expect(second.created).toBe(0);
    expect(second.email).toEqual({ sent: 0, failed: 0 });
    expect(server.received.length).toBe(countBefore);
  });

  it("leaves a refused e-mail unsent and logged, and delivers it at a later scan", async () => {
    const refusing = await startMailServer({ refuse: true });
    const user = await liaison();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

    const refused = await runNotificationScan(db, refusing.settings, NOW);
    const notifications = await db.notification.findMany({ where: { userId: user.id } });
    expect(notifications.length).toBeGreaterThan(0);
    // The in-app notifications are there regardless.
    expect(refused.created).toBeGreaterThanOrEqual(notifications.length);
    expect(notifications.every((n) => n.emailedAt === null && n.emailClaimedAt === null)).toBe(true);
    expect(refusing.received).toHaveLength(0);
    expect(refusing.connections()).toBeGreaterThan(0);
    expect(refused.email?.sent).toBe(0);
    expect(refused.email?.failed).toBeGreaterThanOrEqual(notifications.length);
    const logged = warn.mock.calls.map((c) => String(c[0]));
    for (const n of notifications) expect(logged.some((line) => line.includes(n.id) && line.includes("Mailbox unavailable") && line.includes("will retry"))).toBe(true);
    warn.mockRestore();

    const working = await startMailServer();
    await runNotificationScan(db, working.settings, NOW);
    const after = await db.notification.findMany({ where: { userId: user.id } });
    expect(after.every((n) => n.emailedAt instanceof Date)).toBe(true);
    expect(mailsTo(working, user.email!).map((m) => m.messageId).sort()).toEqual(after.map((n) => `<${n.id}@duban.example.gov.cn>`).sort());
  });

  it("releases everything when the SMTP server cannot be reached, and delivers once it can", async () => {
    const gone = await startMailServer();
    await gone.close();
    const user = await liaison();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

    const unreachable = await runNotificationScan(db, gone.settings, NOW);
    const notifications = await db.notification.findMany({ where: { userId: user.id } });
    expect(notifications.length).toBeGreaterThan(0);
    expect(notifications.every((n) => n.emailedAt === null && n.emailClaimedAt === null)).toBe(true);
    expect(unreachable.email?.sent).toBe(0);
    // One attempt, not one per message: the first connection failure ends the run.
    expect(warn.mock.calls.filter((c) => String(c[0]).includes("not sent"))).toHaveLength(1);
    warn.mockRestore();

    const working = await startMailServer();
    await runNotificationScan(db, working.settings, NOW);
    expect(mailsTo(working, user.email!)).toHaveLength(notifications.length);
  });

  it("sends nothing to a user without an address", async () => {
    const server = await startMailServer();
    const withAddress = await liaison();
    const without = await liaison(null);

    await runNotificationScan(db, server.settings, NOW);
    const theirs = await db.notification.findMany({ where: { userId: without.id } });
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((n) => n.emailedAt === null && n.emailClaimedAt === null)).toBe(true);
    // The same notifications went to the colleague who has an address, so the server was used.
    expect(mailsTo(server, withAddress.email!).length).toBe(theirs.length);
    expect(server.received.every((m) => m.envelopeTo.every((to) => to.endsWith("@example.gov.cn")))).toBe(true);
  });

  it("e-mails an event's notification, written in the event's transaction, once that has committed: once, in the in-app words", async () => {
    const server = await startMailServer();
    const user = await liaison();
    const admin = await db.user.create({ data: { loginName: `mail-${suffix}-admin`, displayName: "督办科", role: "ADMIN", passwordHash: "not-used" } });
    const carried = await db.measureDepartment.findFirstOrThrow({ where: { departmentId, measure: { keyTask: { plan: { code: "hs-gsyf-2021-2025" } } } }, include: { measure: { include: { keyTask: true } } } });
    const due = addDays(todayInChina(), 7);
    const { number } = await issueNotice(db, { id: admin.id, loginName: admin.loginName, role: "ADMIN", departmentId: null }, {
      measureId: carried.measureId,
      departmentId,
      periodId: null,
      colour: "BLUE",
      dueDate: due,
      text: "请按时报送本季度进展。",
    });
    // What deliverAfterCommit starts once the action's transaction is done.
    // The department's other liaisons with an address (made by earlier tests) are told as well.
    const told = await db.notification.count({ where: { kind: "NOTICE_ISSUED", user: { departmentId, email: { not: null }, active: true }, params: { path: ["number"], equals: number } } });
    expect(await deliverNotificationEmails(db, server.settings)).toEqual({ sent: told, failed: 0 });
    const mails = mailsTo(server, user.email!);
    expect(mails.map((m) => m.subject)).toEqual([`【督办】督办单 ${number}（措施 ${carried.measure.keyTask.number}.${carried.measure.number}）已下发本部门，请签收并于 ${due} 前回复。`]);
    expect(mails[0].text).toContain(`${BASE_URL}/notices/`);
    expect(await deliverNotificationEmails(db, server.settings)).toEqual({ sent: 0, failed: 0 });
    await db.user.update({ where: { id: admin.id }, data: { active: false } });
  });

  it("attempts nothing without SMTP settings, and the notifications stay due an e-mail", async () => {
    const server = await startMailServer();
    const user = await liaison();

    const result = await runNotificationScan(db, null, NOW);
    expect(result.email).toBeNull();
    const notifications = await db.notification.findMany({ where: { userId: user.id } });
    expect(notifications.length).toBeGreaterThan(0);
    expect(notifications.every((n) => n.emailedAt === null && n.emailClaimedAt === null)).toBe(true);
    expect(server.connections()).toBe(0);

    // Once e-mail is on, they go out.
    await runNotificationScan(db, server.settings, NOW);
    expect(mailsTo(server, user.email!)).toHaveLength(notifications.length);
  });

  it("never sends the same e-mail twice when two deliveries, or two scans, run at once", async () => {
    const server = await startMailServer();
    const early = [await liaison(), await liaison(), await liaison()];
    // The notifications exist first; then two deliveries race for them.
    await runNotificationScan(db, null, NOW);
    let race: Promise<Awaited<ReturnType<typeof deliverNotificationEmails>>[]>;
    if (inject("databaseKind").startsWith("PostgreSQL server")) {
      // A third transaction holds one of the rows locked until both deliveries have chosen the same
      // rows and are waiting to claim them, so the race is certain rather than a matter of timing.
      const first = await db.notification.findFirstOrThrow({ where: { userId: early[0].id }, select: { id: true } });
      let unlock!: () => void;
      const unlocked = new Promise<void>((resolve) => (unlock = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = db.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT "id" FROM "Notification" WHERE "id" = ${first.id} FOR UPDATE`;
          locked();
          await unlocked;
        },
        { timeout: 30_000 },
      );
      await isLocked;
      race = Promise.all([deliverNotificationEmails(db, server.settings), deliverNotificationEmails(db, server.settings)]);
      await vi.waitFor(
        async () => {
          const [{ waiting }] = await db.$queryRaw<{ waiting: number }[]>`
            SELECT count(*)::int AS "waiting" FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%SET "emailClaimedAt"%'`;
          expect(waiting).toBe(2);
        },
        { timeout: 10_000, interval: 50 },
      );
      unlock();
      await holder;
    } else {
      // The embedded database serves one connection at a time, so the two deliveries interleave
      // statement by statement but cannot wait on each other's row locks: the same outcome is
      // required, without the forced collision.
      race = Promise.all([deliverNotificationEmails(db, server.settings), deliverNotificationEmails(db, server.settings)]);
    }
    const racing = await race;
    expect(racing.every((r) => r.failed === 0)).toBe(true);
    // One of them got every row; the other found them claimed and sent nothing.
    expect(racing.map((r) => r.sent).sort((a, b) => a - b)[0]).toBe(0);

    // Two whole scans at once, for liaisons added since.
    const late = [await liaison(), await liaison()];
    const scans = await Promise.all([runNotificationScan(db, server.settings, NOW), runNotificationScan(db, server.settings, NOW)]);

    const users = [...early, ...late];
    const ids = (await db.notification.findMany({ where: { userId: { in: users.map((u) => u.id) } }, select: { id: true } })).map((n) => `<${n.id}@duban.example.gov.cn>`);
    expect(ids.length).toBeGreaterThan(users.length);
    const theirs = server.received.filter((m) => users.some((u) => m.envelopeTo.includes(u.email!)));
    expect(theirs.map((m) => m.messageId).sort()).toEqual(ids.sort());
    expect(new Set(server.received.map((m) => m.messageId)).size).toBe(server.received.length);
    const sent = [...racing, ...scans.map((r) => r.email!)].reduce((n, r) => n + r.sent, 0);
    expect(sent).toBe(server.received.length);
  });

  it("does not e-mail notifications already read, or older than three days", async () => {
    const server = await startMailServer();
    const user = await liaison();
    const measure = await db.measure.findFirstOrThrow({ where: { departments: { some: { departmentId } } }, include: { keyTask: true } });
    const row = (key: string, extra: { createdAt?: Date; readAt?: Date }) =>
      db.notification.create({
        data: { userId: user.id, kind: "INSTRUCTION", dedupeKey: `${key}:${suffix}`, params: { measure: `${measure.keyTask.number}.${measure.number}` }, link: `/measures/${measure.id}`, ...extra },
      });
    const old = await row("old", { createdAt: new Date(Date.now() - 4 * 86_400_000) });
    const read = await row("read", { readAt: new Date() });
    const fresh = await row("fresh", {});

    await deliverNotificationEmails(db, server.settings);
    expect(mailsTo(server, user.email!).map((m) => m.messageId)).toEqual([`<${fresh.id}@duban.example.gov.cn>`]);
    const rows = await db.notification.findMany({ where: { id: { in: [old.id, read.id] } } });
    expect(rows.map((r) => r.emailedAt)).toEqual([null, null]);
  });
});
