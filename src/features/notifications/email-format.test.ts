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

  it("puts the extension decision into words", () => {
    const approved = formatNotificationEmail({ kind: "EXTENSION_DECIDED", params: { state: "APPROVED", date: "2023-09-30" }, link: "/reports/p2" }, { displayName: "李" }, base);
    const rejected = formatNotificationEmail({ kind: "EXTENSION_DECIDED", params: { state: "REJECTED", date: "2023-09-30" }, link: "/reports/p2" }, { displayName: "李" }, base);
    expect(approved.subject).toBe("【督办】延期申请（延至 2023-09-30）已批准。");
    expect(rejected.subject).toBe("【督办】延期申请（延至 2023-09-30）未批准。");
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
