import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow as DocxRow, VerticalMergeType } from "docx";
import plan from "../../../prisma/seed/plan-2021-2025.json";
import { parseDelimited } from "./delimited";
import { templateWorkbook } from "./export";
import { tableRowsFromHtml } from "./html-tables";
import { buildPreview } from "./preview";
import { MAX_PLAN_FILE_BYTES, readPastedText, readPlanFile } from "./read";
import { cleanCell, PlanFileError, rowsFromGrid } from "./table";
import { readCapped } from "./upload";

const HEADER = ["序号", "重点任务", "主要措施", "责任部门", "时间安排"];
const encode = (text: string) => new TextEncoder().encode(text);

/** The first rows of the issued table, with the extraction artifacts of the PDF text (split words, split department names). */
const ISSUED = [
  ["1", "建立健全工伤 预防联防联控 机制", "建立工伤预防部门联系会议制度，定期或不定期召开联席会议。", "市人社局", "每季度"],
  ["", "", "建立完善定期信息交换、数据共享机制，每季度报送一次重点行业、企 业人员信息。", "市住建委、市交运\n局、市卫健委、市\n应急局", "每季度"],
  ["2", "严格落实工伤 保险费率浮动 机制", "每三年调整一次工伤保险浮动费率。", "市人社局、市财政 局", "持续推进"],
];
const EXPECTED = [
  { line: 2, taskNumber: 1, taskTitle: "建立健全工伤预防联防联控机制", text: "建立工伤预防部门联系会议制度，定期或不定期召开联席会议。", departmentsText: "市人社局", timeArrangement: "每季度" },
  {
    line: 3,
    taskNumber: 1,
    taskTitle: "建立健全工伤预防联防联控机制",
    text: "建立完善定期信息交换、数据共享机制，每季度报送一次重点行业、企业人员信息。",
    departmentsText: "市住建委、市交运局、市卫健委、市应急局",
    timeArrangement: "每季度",
  },
  { line: 4, taskNumber: 2, taskTitle: "严格落实工伤保险费率浮动机制", text: "每三年调整一次工伤保险浮动费率。", departmentsText: "市人社局、市财政局", timeArrangement: "持续推进" },
];

/** A row compared without its row number. */
const anyLine = (row: { line: number }) => ({ ...row, line: 0 });

function csvOf(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : c)).join(",")).join("\r\n");
}

async function xlsxOf(rows: (string | number)[][], merges: [number, number, number, number][] = [], before: string[][] = []): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("填写说明").addRow(["说明文字"]);
  const sheet = workbook.addWorksheet("清单");
  for (const r of before) sheet.addRow(r);
  for (const r of rows) sheet.addRow(r);
  for (const [a, b, c, d] of merges) sheet.mergeCells(a, b, c, d);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const cell = (text: string, merge?: "restart" | "continue") =>
  new TableCell({
    children: text.split("\n").map((line) => new Paragraph({ text: line, alignment: AlignmentType.LEFT })),
    ...(merge ? { verticalMerge: merge === "restart" ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE } : {}),
  });

/** A Word document as such tables are issued: a title, then the table with 序号 and 重点任务 merged down a task's measures. */
async function docxOf(options: { withTable?: boolean } = {}): Promise<Uint8Array> {
  const rows = [
    new DocxRow({ tableHeader: true, children: HEADER.map((h) => cell(h)) }),
    new DocxRow({ children: [cell("1", "restart"), cell("建立健全工伤\n预防联防联控\n机制", "restart"), cell(ISSUED[0][2]), cell(ISSUED[0][3]), cell(ISSUED[0][4])] }),
    new DocxRow({ children: [cell("", "continue"), cell("", "continue"), cell(ISSUED[1][2]), cell(ISSUED[1][3]), cell(ISSUED[1][4])] }),
    // The header repeats where the table continues on the next page.
    new DocxRow({ children: HEADER.map((h) => cell(h)) }),
    new DocxRow({ children: [cell("2"), cell(ISSUED[2][1]), cell(ISSUED[2][2]), cell(ISSUED[2][3]), cell(ISSUED[2][4])] }),
  ];
  const doc = new Document({
    sections: [{ children: [new Paragraph("黄石市工伤预防五年行动计划(2021—2025年) 重点工作任务清单"), ...(options.withTable === false ? [] : [new Table({ rows })])] }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function fileError(fn: () => unknown): PlanFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PlanFileError) return error;
    throw error;
  }
  throw new Error("expected a PlanFileError");
}

async function asyncFileError(promise: Promise<unknown>): Promise<PlanFileError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PlanFileError) return error;
    throw error;
  }
  throw new Error("expected a PlanFileError");
}

describe("cells", () => {
  it("removes line breaks and spaces inside Chinese text, and keeps every word", () => {
    expect(cleanCell("工伤 预防联防联控\n机制")).toBe("工伤预防联防联控机制");
    expect(cleanCell("2021-2023 年")).toBe("2021-2023年");
    expect(cleanCell("  ISO  45001 体系 ")).toBe("ISO 45001体系");
  });

  it("leaves every text of the shipped plan exactly as it is", () => {
    for (const task of plan.keyTasks) {
      expect(cleanCell(task.title)).toBe(task.title);
      for (const m of task.measures) {
        expect(cleanCell(m.text)).toBe(m.text);
        expect(cleanCell(m.departmentsText)).toBe(m.departmentsText);
        expect(cleanCell(m.timeArrangement)).toBe(m.timeArrangement);
      }
    }
  });
});

describe("CSV", () => {
  it("reads quoted cells with commas, quotes and line breaks, a byte-order mark and a title row", async () => {
    const text = "\ufeff" + csvOf([["重点工作任务清单"], HEADER, ...ISSUED]);
    const rows = await readPlanFile(encode(text), "清单.csv");
    // Rows numbered as a spreadsheet shows the file: the line breaks inside a quoted cell do not count.
    expect(rows).toEqual(EXPECTED.map((r) => ({ ...r, line: r.line + 1 })));
  });

  it("numbers rows by the line they start on, quoted line breaks included", () => {
    const grid = parseDelimited('a,b\n"x\ny",z\nlast,row', ",");
    expect(grid.rows).toEqual([["a", "b"], ["x\ny", "z"], ["last", "row"]]);
    expect(grid.lines).toEqual([1, 2, 4]);
  });


  it("refuses an unclosed quote naming its row", async () => {
    const error = await asyncFileError(readPlanFile(encode(`${HEADER.join(",")}\n1,任务,"措施未闭合,市人社局,每季度`), "a.csv"));
    expect(error).toMatchObject({ key: "unclosedQuote", detail: { row: 2 } });
    expect(fileError(() => readPastedText(`${HEADER.join("\t")}\n1\t任务\t措施\t市人社局\t每季度\n"2\t任务`)).detail).toEqual({ row: 3 });
  });
});

describe("Excel", () => {
  it("reads the sheet with the header, skipping an instructions sheet; merged 序号 and 重点任务 cells carry over", async () => {
    const bytes = await xlsxOf(ISSUED, [[3, 1, 4, 1], [3, 2, 4, 2]], [["重点工作任务清单"], HEADER]);
    const rows = await readPlanFile(bytes, "plan.XLSX");
    expect(rows).toEqual(EXPECTED.map((r) => ({ ...r, line: r.line + 1 })));
  });

  it("reads numbers typed as numbers", async () => {
    const rows = await readPlanFile(await xlsxOf([HEADER, [1, "任务", "措施", "市人社局", "每季度"]]), "plan.xlsx");
    expect(rows[0]).toMatchObject({ taskNumber: 1, line: 2 });
  });

  it("refuses the empty template: no measures", async () => {
    const error = await asyncFileError(readPlanFile(new Uint8Array(await templateWorkbook()), "template.xlsx"));
    expect(error.key).toBe("noRows");
  });

  it("names the row and column of an empty cell, a bad number and a repeated task", async () => {
    const empty = await asyncFileError(readPlanFile(await xlsxOf([HEADER, ["1", "任务", "措施", "市人社局", "每季度"], ["", "", "第二项", "", "每季度"]]), "x.xlsx"));
    expect(empty).toMatchObject({ key: "emptyCell", detail: { row: 3, column: "责任部门" } });
    const number = await asyncFileError(readPlanFile(await xlsxOf([HEADER, ["一", "任务", "措施", "市人社局", "每季度"]]), "x.xlsx"));
    expect(number).toMatchObject({ key: "badTaskNumber", detail: { row: 2, column: "序号", value: "一" } });
    const repeated = await asyncFileError(
      readPlanFile(await xlsxOf([HEADER, ["1", "任务甲", "措施", "市人社局", "每季度"], ["2", "任务乙", "措施", "市人社局", "每季度"], ["1", "任务丙", "措施", "市人社局", "每季度"]]), "x.xlsx"),
    );
    expect(repeated).toMatchObject({ key: "duplicateTaskNumber", detail: { row: 4, column: "序号", value: "1" } });
  });

  it("names the missing column of the header", async () => {
    const error = await asyncFileError(readPlanFile(await xlsxOf([["序号", "重点任务", "主要措施", "责任部门"], ["1", "任务", "措施", "市人社局"]]), "x.xlsx"));
    expect(error).toMatchObject({ key: "missingColumn", detail: { row: 1, column: "时间安排" } });
  });

  it("refuses a file that is not a workbook, another kind of file, an empty one and one over the cap", async () => {
    expect((await asyncFileError(readPlanFile(encode("PK not really a zip"), "x.xlsx"))).key).toBe("unreadable");
    expect((await asyncFileError(readPlanFile(encode("序号,重点任务"), "x.txt"))).key).toBe("fileType");
    expect((await asyncFileError(readPlanFile(encode("abc"), "old.xls"))).key).toBe("fileType");
    expect((await asyncFileError(readPlanFile(new Uint8Array(0), "x.csv"))).key).toBe("fileEmpty");
    expect((await asyncFileError(readPlanFile(new Uint8Array(MAX_PLAN_FILE_BYTES + 1), "x.csv"))).key).toBe("fileTooLarge");
  });
});

describe("Word", () => {
  it("reads the table of a .docx: paragraphs in a cell joined, merged cells carried down, the repeated header skipped", async () => {
    const rows = await readPlanFile(await docxOf(), "清单.docx");
    expect(rows.map(anyLine)).toEqual(EXPECTED.map(anyLine));
    expect(rows.map((r) => r.line)).toEqual([2, 3, 5]);
  });

  it("refuses a document without a table", async () => {
    expect((await asyncFileError(readPlanFile(await docxOf({ withTable: false }), "x.docx"))).key).toBe("noTable");
  });

  it("spreads rowspan and colspan over the cells they cover and decodes entities", () => {
    const html =
      '<table><tr><th>a</th><th>b</th><th>c</th></tr><tr><td rowspan="2"><p>1</p></td><td colspan="2"><p>x &amp; y</p><p>&lt;z&gt;</p></td></tr><tr><td>m</td><td>n</td></tr></table>';
    expect(tableRowsFromHtml(html)).toEqual([
      ["a", "b", "c"],
      ["1", "x & y\n<z>", "x & y\n<z>"],
      ["1", "m", "n"],
    ]);
  });
});

describe("pasted text", () => {
  it("reads tab-separated text copied from a table, quoted cells with line breaks included", () => {
    const text = [HEADER.join("\t"), ...ISSUED.map((r) => r.map((c) => (c.includes("\n") ? `"${c}"` : c)).join("\t"))].join("\n");
    expect(readPastedText(text).map(anyLine)).toEqual(EXPECTED.map(anyLine));
  });

  it("numbers tasks in order when the 序号 column is missing", () => {
    const rows = rowsFromGrid([
      ["重点任务", "主要措施", "责任部门", "时间安排"],
      ["任务甲", "措施一", "市人社局", "每季度"],
      ["", "措施二", "市人社局", "每季度"],
      ["任务乙", "措施三", "市人社局", "每季度"],
    ]);
    expect(rows.map((r) => [r.taskNumber, r.taskTitle, r.text])).toEqual([
      [1, "任务甲", "措施一"],
      [1, "任务甲", "措施二"],
      [2, "任务乙", "措施三"],
    ]);
  });

  it("refuses text without the header", () => {
    expect(fileError(() => readPastedText("随便一段文字\n没有表头")).key).toBe("noHeader");
  });
});

describe("preview", () => {
  const departments = plan.departments.map((d) => ({ shortName: d.shortName, aliases: d.aliases }));
  const rows = rowsFromGrid([
    HEADER,
    ["1", "任务", "推进工伤保险扩面，工伤保险覆盖率90%以上。", "市人社局、市住建委、市应急局、市总工会等", "2020年底前"],
    ["", "", "开展宣传。", "市卫健委牵头、市新闻办", "看情况"],
    ["", "", "专项行动。", "市人社局等8部门", "2021-2023 年"],
  ]);
  const preview = buildPreview(rows, { startYear: 2021, endYear: 2025 }, departments);
  const [a, b, c] = preview.tasks[0].measures;

  it("matches departments and aliases, keeps the lead, and flags an open list and a deadline before the plan starts", () => {
    expect(a.departments).toEqual([
      { shortName: "市人社局", lead: true, jointLead: false, isNew: false },
      { shortName: "市住建局", lead: false, jointLead: false, isNew: false },
      { shortName: "市应急局", lead: false, jointLead: false, isNew: false },
      { shortName: "市总工会", lead: false, jointLead: false, isNew: false },
    ]);
    expect(a.schedule).toMatchObject({ kind: "DEADLINE", deadline: "2020-12-31" });
    expect(a.notices).toEqual([{ code: "beforePlanStart", detail: "2020-12-31" }, { code: "openList" }]);
    expect(a.indicators).toEqual([expect.objectContaining({ comparison: "GTE", target: 90, unit: "%" })]);
  });

  it("proposes an unknown department as new and reports an unknown time arrangement", () => {
    expect(preview.newDepartments).toEqual(["市新闻办"]);
    expect(b.departments).toEqual([
      { shortName: "市卫健委", lead: true, jointLead: false, isNew: false },
      { shortName: "市新闻办", lead: false, jointLead: false, isNew: true },
    ]);
    expect(b.schedule).toBeNull();
    expect(b.notices.map((n) => n.code)).toEqual(["scheduleUnknown", "newDepartment"]);
    expect(b.notices[0].detail).toContain("看情况");
  });

  it("keeps only the named lead of 等8部门 when the table names another number of departments, and notes it", () => {
    expect(preview.planDepartments).toEqual(["市人社局", "市住建局", "市卫健委", "市应急局", "市总工会", "市新闻办"]);
    expect(c.departments).toEqual([{ shortName: "市人社局", lead: true, jointLead: false, isNew: false }]);
    expect(c.notices.map((n) => n.code)).toEqual(["inferred"]);
    expect(c.schedule).toMatchObject({ kind: "RANGE", deadline: "2023-12-31" });
    expect(preview.noticeCount).toBe(5);
  });

  it("reads an optional 共同牵头 column: the measure's supporting departments named there are joint leads", () => {
    const withJoint = rowsFromGrid([
      ["序号", "重点任务", "主要措施", "责任部门", "共同牵头", "时间安排"],
      ["1", "任务", "报送数据。", "市住建委、市交运局、市卫健委", "市卫健委、市交运局", "每季度"],
      ["", "", "开展宣传。", "市人社局", "", "每季度"],
    ]);
    expect(withJoint.map((r) => r.jointLeadsText)).toEqual(["市卫健委、市交运局", undefined]);
    const [joint, plain] = buildPreview(withJoint, { startYear: 2021, endYear: 2025 }, departments).tasks[0].measures;
    expect(joint.departments.map((d) => [d.shortName, d.lead, d.jointLead])).toEqual([
      ["市住建局", true, false],
      ["市交运局", false, true],
      ["市卫健委", false, true],
    ]);
    expect(joint.notices).toEqual([]);
    expect(plain.departments).toEqual([{ shortName: "市人社局", lead: true, jointLead: false, isNew: false }]);
  });

  it("proposes each row's reporting: cadence (null: the plan's default) and checkpoints", () => {
    expect(a.reporting).toEqual({ cadence: null, checkpoints: ["2020-12-31"] });
    expect(b.reporting).toEqual({ cadence: null, checkpoints: [] });
    expect(c.reporting).toEqual({ cadence: null, checkpoints: ["2021-12-31", "2022-12-31", "2023-12-31"] });
    const [quarterly] = buildPreview(rowsFromGrid([HEADER, ["1", "任务", "报送数据。", "市人社局", "每季度"]]), { startYear: 2026, endYear: 2030 }, departments).tasks[0].measures;
    expect(quarterly.reporting).toEqual({ cadence: "QUARTERLY", checkpoints: [] });
  });

  it("stores trends with their direction, and reads their baselines from an optional 趋势基线 column", () => {
    const grid = [
      ["序号", "重点任务", "主要措施", "责任部门", "时间安排", "趋势基线"],
      ["1", "任务", "千人工伤发生率5年降低20%左右，有效降低重点企业职业病发生率。", "市人社局", "持续推进", "千人工伤发生率：1.25；事故起数：3；乱写"],
      ["", "", "工伤保险覆盖率90%以上。", "市人社局", "每季度", ""],
    ];
    const rows = rowsFromGrid(grid);
    expect(rows.map((r) => r.baselinesText)).toEqual(["千人工伤发生率：1.25；事故起数：3；乱写", undefined]);
    const [trend, absolute] = buildPreview(rows, { startYear: 2026, endYear: 2030 }, departments).tasks[0].measures;
    expect(trend.indicators).toEqual([
      { name: "千人工伤发生率", comparison: "EQ", target: 20, unit: "%", period: "PLAN", direction: "DECREASE", baseline: 1.25 },
      { name: "重点企业职业病发生率", comparison: "GTE", target: null, unit: "%", period: "PLAN", direction: "DECREASE", baseline: null },
    ]);
    expect(trend.notices).toEqual([
      { code: "baselineIgnored", detail: "事故起数" },
      { code: "baselineIgnored", detail: "乱写" },
    ]);
    expect(absolute.indicators).toEqual([{ name: expect.any(String), comparison: "GTE", target: 90, unit: "%", period: expect.any(String), direction: null, baseline: null }]);
  });

  it("reads the shipped plan as its seed does: 等8部门 is its eight departments", () => {
    const shipped = plan.keyTasks.flatMap((task) =>
      task.measures.map((m) => ({ line: 0, taskNumber: task.number, taskTitle: task.title, text: m.text, departmentsText: m.departmentsText, timeArrangement: m.timeArrangement })),
    );
    // Another department already in the database does not change what the plan's 等8部门 means.
    const whole = buildPreview(shipped, { startYear: 2021, endYear: 2025 }, [...departments, { shortName: "市教育局", aliases: [] }]);
    expect(whole.measureCount).toBe(34);
    expect(whole.newDepartments).toEqual([]);
    expect(whole.planDepartments).toEqual(departments.map((d) => d.shortName));
    const group = whole.tasks.flatMap((t) => t.measures).filter((m) => m.departmentsText.includes("等8部门"));
    expect(group.length).toBeGreaterThan(0);
    for (const m of group) expect(m.departments.map((d) => d.shortName)).toEqual(departments.map((d) => d.shortName));
    const notices = whole.tasks.flatMap((t) => t.measures).flatMap((m) => m.notices.map((n) => n.code));
    expect(notices).toContain("beforePlanStart");
    expect(notices).toContain("openList");
  });
});

describe("upload cap", () => {
  const stream = (chunks: number, size: number, pulled: { count: number }) =>
    new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (pulled.count >= chunks) return controller.close();
          pulled.count++;
          controller.enqueue(new Uint8Array(size));
        },
      },
      { highWaterMark: 0 },
    );

  it("refuses a declared length over the cap without reading", async () => {
    const pulled = { count: 0 };
    expect((await asyncFileError(readCapped(stream(10, 1024, pulled), 6 * 1024 * 1024))).key).toBe("fileTooLarge");
    expect(pulled.count).toBe(0);
  });

  it("stops reading as soon as the bytes pass the cap", async () => {
    const pulled = { count: 0 };
    const error = await asyncFileError(readCapped(stream(1000, 64 * 1024, pulled), null, 1024 * 1024));
    expect(error.key).toBe("fileTooLarge");
    expect(pulled.count).toBeLessThan(20);
  });

  it("returns the bytes under the cap", async () => {
    const pulled = { count: 0 };
    expect((await readCapped(stream(3, 10, pulled), null, 100)).byteLength).toBe(30);
  });
});
