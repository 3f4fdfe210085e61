import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { heading1, heading2, note, paragraph, subtitle, table, title, wordDocument } from "./word";

describe("the bureau's Word documents", () => {
  it("open as Word documents and carry every block's text, tables included", async () => {
    const buffer = await wordDocument({
      title: "测试通报",
      creator: "黄石市人力资源和社会保障局",
      children: [
        title("关于2026年第三季度工作推进情况的通报"),
        subtitle("黄石市人力资源和社会保障局 2026年10月8日"),
        heading1("一、总体情况"),
        heading2("（一）报送情况"),
        paragraph("本季度应报送措施34项。"),
        table(["名次", "部门", "得分"], [[1, "市人社局", "96.5"], [2, "市卫健委", "91"]], [15, 55, 30]),
        note("说明：得分按计划设定的权重计算。"),
      ],
    });
    expect(buffer.subarray(0, 2).toString("latin1")).toBe("PK");
    const { value, messages } = await mammoth.extractRawText({ buffer });
    expect(messages.filter((m) => m.type === "error")).toEqual([]);
    for (const text of ["关于2026年第三季度工作推进情况的通报", "一、总体情况", "（一）报送情况", "本季度应报送措施34项。", "名次", "市卫健委", "96.5", "说明：得分按计划设定的权重计算。"]) {
      expect(value).toContain(text);
    }
    const html = (await mammoth.convertToHtml({ buffer })).value;
    expect(html).toContain("<table>");
    expect((html.match(/<tr>/g) ?? []).length).toBe(3);
  });
});
