import pg from "pg";
import { randomBytes } from "node:crypto";
import { expect, signInAs, TEST_PLAN, test } from "./fixtures";
import { withDatabase } from "../support/local-database";

// A small real PDF: the server checks the content, not the name.
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

test("a liaison applies to close a measure, the bureau closes it, after which it owes nothing; the bureau can reopen it", async ({ browser }) => {
  test.setTimeout(150_000);
  const liaison = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  await signInAs(liaison, "rsj");
  await signInAs(admin, "admin");
  // Measure 1.2 (建立工伤预防项目绩效评估制度, 2027年底前) owes this year's past quarters: they are overdue.
  const overdueList = `${TEST_PLAN}/dashboard/list?metric=overdue&task=1`;
  await admin.goto(overdueList);
  await expect(admin.getByRole("link", { name: "措施 1.2", exact: true }).first()).toBeVisible();

  // 1. The lead department's liaison applies, with a summary and evidence uploaded as a report's is.
  await liaison.goto(TEST_PLAN);
  await liaison.getByRole("link", { name: /建立工伤预防项目绩效评估制度/ }).first().click();
  await expect(liaison.getByRole("heading", { level: 1 })).toHaveText("措施 1.2");
  const card = liaison.getByTestId("closure-card");
  await expect(card.getByTestId("closure-status")).toHaveText("尚未销号");
  await card.getByLabel("办结情况总结").fill("绩效评估制度已印发实施，首轮评估已完成。");
  await card.getByLabel("佐证材料").setInputFiles({ name: "绩效评估制度.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(card.getByTestId("evidence-upload").filter({ hasText: "绩效评估制度.pdf" })).toContainText("已上传");
  await card.getByRole("button", { name: "提交销号申请" }).click();
  // Once applied, the form gives way to the application, awaiting review.
  await expect(card.getByTestId("closures")).toContainText("销号申请待审核");
  await expect(card.getByRole("button", { name: "提交销号申请" })).toHaveCount(0);

  // 2. The bureau finds it in its queue, reads the evidence and closes the measure.
  await admin.goto("/review");
  await admin.getByTestId("pending-closures").getByRole("link", { name: "1.2" }).click();
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("措施 1.2");
  const review = admin.getByTestId("closure-card");
  await expect(review.getByRole("link", { name: "绩效评估制度.pdf" })).toBeVisible();
  await review.getByRole("button", { name: "同意销号" }).click();
  await expect(review.getByTestId("closure-status")).toHaveText(`已销号（${today}）：不再有填报任务`);
  await expect(admin.getByTestId("measure-lights").getByTestId("progress-light")).toHaveText(`已销号（${today}）`);

  // 3. It owes nothing: nothing of it is overdue any more, and the liaison sees it closed.
  await admin.goto(overdueList);
  await expect(admin.getByRole("link", { name: "措施 1.2", exact: true })).toHaveCount(0);
  await liaison.reload();
  await expect(liaison.getByTestId("closure-status")).toHaveText(`已销号（${today}）：不再有填报任务`);

  // 4. Reopened with a reason, it owes its periods again.
  await admin.goBack();
  await admin.reload();
  await admin.getByTestId("closure-card").getByLabel("重新打开的理由").fill("督查发现评估结果未应用");
  await admin.getByTestId("closure-card").getByRole("button", { name: "重新打开" }).click();
  await expect(admin.getByTestId("closure-status")).toHaveText("尚未销号");
  await expect(admin.getByTestId("closures")).toContainText("督查发现评估结果未应用");
  await admin.goto(overdueList);
  await expect(admin.getByRole("link", { name: "措施 1.2", exact: true }).first()).toBeVisible();
});

// Reports on time for this year's earlier quarters are written straight into the run's scratch database
// (a PostgreSQL server, as in CI); the current quarter is then reported and reviewed through the pages.
test.describe("two lights", () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const name = process.env.E2E_DATABASE_NAME ?? "";
  test.skip(!serverUrl || !/^duban_scratch_[0-9]+$/.test(name), "needs the scratch database on a PostgreSQL server (TEST_DATABASE_URL)");

  test("a measure rated 存在困难 with its indicator behind schedule shows a yellow or red 进度 light while its reports are on time", async ({ browser }) => {
    test.setTimeout(120_000);
    const client = new pg.Client({ connectionString: withDatabase(serverUrl!, name) });
    await client.connect();
    let currentPeriod = "";
    try {
      // Measure 2.1 of the test plan: 开展工伤预防培训，培训覆盖率达到90%以上, led by 市人社局.
      const { rows: periods } = await client.query<{ id: string; measureId: string; departmentId: string; dueDate: Date; periodStart: Date }>(
        `SELECT p."id", p."measureId", md."departmentId", p."dueDate", p."periodStart" FROM "ReportingPeriod" p
           JOIN "Measure" m ON m."id" = p."measureId" JOIN "KeyTask" t ON t."id" = m."keyTaskId" JOIN "Plan" pl ON pl."id" = t."planId"
           JOIN "MeasureDepartment" md ON md."measureId" = m."id" AND md."isLead"
          WHERE pl."code" = 'hs-gsyf-2026-2030' AND t."number" = 2 AND m."number" = 1 AND p."kind" = 'QUARTER' AND p."periodStart" <= $1::date
          ORDER BY p."periodStart"`,
        [today],
      );
      expect(periods.length).toBeGreaterThan(0);
      currentPeriod = periods.at(-1)!.id;
      const { rows: admins } = await client.query<{ id: string }>(`SELECT "id" FROM "User" WHERE "loginName" = 'admin'`);
      for (const p of periods.slice(0, -1)) {
        // Submitted five days and accepted three days before the due date.
        const submitted = new Date(p.dueDate.getTime() - 5 * 86_400_000 + 2 * 3_600_000);
        const accepted = new Date(p.dueDate.getTime() - 3 * 86_400_000 + 2 * 3_600_000);
        const id = `e2e${randomBytes(8).toString("hex")}`;
        await client.query(
          `INSERT INTO "ProgressReport" ("id", "periodId", "measureId", "departmentId", "isLead", "state", "progress", "workDone", "submittedAt", "reviewedAt", "reviewerId", "updatedAt")
           VALUES ($1, $2, $3, $4, true, 'ACCEPTED', 'IN_PROGRESS', '按计划开展培训。', $5, $6, $7, $6)`,
          [id, p.id, p.measureId, p.departmentId, submitted, accepted, admins[0].id],
        );
        const snapshot = JSON.stringify({ progress: "IN_PROGRESS", workDone: "按计划开展培训。", problems: "", nextSteps: "", values: [], attachments: [] });
        await client.query(
          `INSERT INTO "ProgressReportRevision" ("id", "reportId", "number", "event", "actorId", "snapshot", "at") VALUES ($1, $2, 1, 'SUBMITTED', $3, $4, $5), ($6, $2, 2, 'ACCEPTED', $7, $4, $8)`,
          [`${id}a`, id, "e2e", snapshot, submitted, `${id}b`, admins[0].id, accepted],
        );
      }
    } finally {
      await client.end();
    }

    // The current quarter, reported before its due date: 存在困难, and the coverage far below where it should be by now.
    const liaison = await (await browser.newContext()).newPage();
    await signInAs(liaison, "rsj");
    await liaison.goto(`/reports/${currentPeriod}`);
    const editor = liaison.getByTestId("report-editor");
    await editor.getByLabel("进展状态").selectOption("DIFFICULT");
    await editor.getByLabel("工作进展").fill("重点行业培训推进缓慢，部分企业未参训。");
    await editor.getByLabel("培训覆盖率").fill("3");
    await editor.getByRole("button", { name: "提交" }).click();
    await expect(liaison.getByText("报告已提交，退回前不能修改。")).toBeVisible();

    const admin = await (await browser.newContext()).newPage();
    await signInAs(admin, "admin");
    await admin.goto(`/reports/${currentPeriod}`);
    await admin.getByRole("button", { name: "审核通过" }).first().click();
    await expect(admin.getByText("已审核通过").first()).toBeVisible();

    // A leader sees both lights side by side: reporting on time (green), the work behind (yellow or red).
    const leader = await (await browser.newContext()).newPage();
    await signInAs(leader, "leader");
    await leader.goto(TEST_PLAN);
    await leader.getByRole("link", { name: /开展工伤预防培训/ }).first().click();
    const lights = leader.getByTestId("measure-lights");
    await expect(lights.getByTestId("reporting-light")).toHaveAttribute("data-light", "GREEN");
    await expect(lights.getByTestId("progress-light")).toHaveAttribute("data-light", /^(YELLOW|RED)$/);
    await expect(lights.getByTestId("progress-light")).toHaveText(/滞后|严重滞后/);
    // The same on the overview's list of measures behind a yellow (or red) 进度 light.
    const light = (await lights.getByTestId("progress-light").getAttribute("data-light"))!;
    await leader.goto(`${TEST_PLAN}/dashboard/list?metric=measures&progress=${light}`);
    await expect(leader.getByRole("link", { name: /开展工伤预防培训/ })).toBeVisible();
  });
});
