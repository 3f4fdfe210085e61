import { describe, expect, it } from "vitest";
import zh from "../../../messages/zh-CN.json";
import { absoluteLink, formatNotificationEmail } from "./email-format";

const base = "https://duban.example.gov.cn";

describe("formatNotificationEmail", () => {
  it("says what the notification centre says, in Chinese, with the page's absolute address", () => {
    const mail = formatNotificationEmail(
      { kind: "DUE_SOON", params: { measure: "1.2", period: "2023年第2季度", date: "2023-07-10" }, link: "/reports/p1" },
      { displayName: "王芳" },
      base,
    );
    expect(mail.subject).toBe("【督办】措施 1.2（2023年第2季度）将于 2023-07-10 截止，请及时填报。");
    expect(mail.text.split("\n")).toEqual([
      "王芳，您好：",
      "",
      "措施 1.2（2023年第2季度）将于 2023-07-10 截止，请及时填报。",
      "",
      "查看详情：https://duban.example.gov.cn/reports/p1",
      "",
      "--",
      zh.notifications.emailFooter,
      "",
    ]);
  });

  it("puts the extension decision into words, naming the measure", () => {
    const approved = formatNotificationEmail({ kind: "EXTENSION_DECIDED", params: { measure: "2.4", state: "APPROVED", date: "2023-09-30" }, link: "/reports/p2" }, { displayName: "李" }, base);
    const rejected = formatNotificationEmail({ kind: "EXTENSION_DECIDED", params: { measure: "2.4", state: "REJECTED", date: "2023-09-30" }, link: "/reports/p2" }, { displayName: "李" }, base);
    expect(approved.subject).toBe("【督办】措施 2.4 的延期申请（延至 2023-09-30）已批准。");
    expect(rejected.subject).toBe("【督办】措施 2.4 的延期申请（延至 2023-09-30）未批准。");
  });

  it.each([
    ["NOTICE_ISSUED", { measure: "6.5", number: "督〔2026〕3号", date: "2026-12-20" }, "督办单 督〔2026〕3号（措施 6.5）已下发本部门，请签收并于 2026-12-20 前回复。"],
    ["NOTICE_REPLIED", { measure: "6.5", number: "督〔2026〕3号" }, "督办单 督〔2026〕3号（措施 6.5）已回复，请审核。"],
    ["NOTICE_RETURNED", { measure: "6.5", number: "督〔2026〕3号", reason: "请附台账" }, "督办单 督〔2026〕3号（措施 6.5）的回复被退回：请附台账"],
    ["INSTRUCTION_ASSIGNED", { measure: "1.2", date: "2026-12-31" }, "领导对措施 1.2 的批示已交办本部门，请于 2026-12-31 前报送落实情况。"],
    ["INSTRUCTION_REPLIED", { measure: "1.2" }, "措施 1.2 的领导批示已报送落实情况，请审阅。"],
    ["INSTRUCTION_RETURNED", { measure: "1.2", reason: "请说明时间" }, "措施 1.2 的批示落实情况被退回：请说明时间"],
  ] as const)("says %s with its measure", (kind, params, sentence) => {
    expect(formatNotificationEmail({ kind, params, link: "/notices/n1" }, { displayName: "王" }, base).subject).toBe(`【督办】${sentence}`);
  });

  it("refuses a notice notification without its measure", () => {
    expect(() => formatNotificationEmail({ kind: "NOTICE_ISSUED", params: { number: "督〔2026〕3号", date: "2026-12-20" }, link: "/notices/n1" }, { displayName: "王" }, base)).toThrow(/measure/);
  });

  it("keeps the subject to one short line and the full reason in the body", () => {
    const reason = `请补充数据。\n${"附件中缺少第二季度的培训台账和现场照片，".repeat(4)}`;
    const mail = formatNotificationEmail({ kind: "RETURNED", params: { measure: "3.1", reason }, link: "/reports/p3" }, { displayName: "张三" }, base);
    expect(mail.subject).not.toContain("\n");
    expect([...mail.subject.replace("【督办】", "")]).toHaveLength(60);
    expect(mail.subject.endsWith("…")).toBe(true);
    expect(mail.subject.startsWith("【督办】措施 3.1 的报告被退回：请补充数据。 附件中")).toBe(true);
    expect(mail.text).toContain(`措施 3.1 的报告被退回：${reason}`);
  });

  it("refuses to write a sentence whose parameters are missing, rather than mail the bare message key", () => {
    expect(() => formatNotificationEmail({ kind: "INSTRUCTION", params: ["1.1"], link: "/measures/m1" }, { displayName: "赵" }, base)).toThrow(/measure/);
    expect(() => formatNotificationEmail({ kind: "INSTRUCTION", params: { measure: 11 }, link: "/measures/m1" }, { displayName: "赵" }, base)).toThrow(/measure/);
  });
});

describe("absoluteLink", () => {
  it.each([
    ["https://duban.example.gov.cn", "/reports/p1", "https://duban.example.gov.cn/reports/p1"],
    ["https://duban.example.gov.cn/", "/reports/p1", "https://duban.example.gov.cn/reports/p1"],
    ["https://example.gov.cn/duban/", "/measures/m1", "https://example.gov.cn/duban/measures/m1"],
    ["http://localhost:3000", "reports/p1", "http://localhost:3000/reports/p1"],
  ])("%s + %s", (baseUrl, link, expected) => {
    expect(absoluteLink(baseUrl, link)).toBe(expected);
  });
});
