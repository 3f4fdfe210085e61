import { describe, expect, it } from "vitest";
import { dayFromCell, valuesFromCell } from "./resolve";
import { backfillRowsFromGrid } from "./sheet";

const HEADER = ["措施编号", "责任部门", "填报期次", "实际报送日期", "审核通过日期", "进展情况", "工作进展", "存在问题", "下步计划", "指标值"];

describe("backfillRowsFromGrid", () => {
  it("finds the header below a title, skips empty rows and keeps each row's number", () => {
    const rows = backfillRowsFromGrid([["补录表"], HEADER, ["1.2", " 市卫健委 ", "2023年第2季度", "2023-07-05", "", "推进中", "第一段\n第二段", "", "", ""], [], ["2.1", "市财政局", "2023年度", "2024-01-08", "", "已完成", "完成", "", "", ""]]);
    expect(rows.map((r) => [r.line, r.measure, r.department, r.workDone])).toEqual([
      [3, "1.2", "市卫健委", "第一段\n第二段"],
      [5, "2.1", "市财政局", "完成"],
    ]);
  });
  it("refuses a sheet without the header, or without a required column, naming the row and column", () => {
    expect(() => backfillRowsFromGrid([["a", "b"]])).toThrow(expect.objectContaining({ key: "noHeader" }));
    expect(() => backfillRowsFromGrid([HEADER.filter((h) => h !== "实际报送日期")])).toThrow(expect.objectContaining({ key: "missingColumn", detail: { row: 1, column: "实际报送日期" } }));
    expect(() => backfillRowsFromGrid([HEADER])).toThrow(expect.objectContaining({ key: "noRows" }));
  });
});

describe("cells", () => {
  it("reads days as people write them, and refuses impossible ones", () => {
    expect(dayFromCell("2023-7-5")).toBe("2023-07-05");
    expect(dayFromCell("2023/07/05")).toBe("2023-07-05");
    expect(dayFromCell("2023年7月5日")).toBe("2023-07-05");
    expect(dayFromCell("2023-02-30")).toBeNull();
    expect(dayFromCell("七月五日")).toBeNull();
  });
  it("reads indicator values: a bare number for a single indicator, names for several", () => {
    const one = [{ id: "a", name: "培训覆盖率" }];
    const two = [...one, { id: "b", name: "企业数" }];
    expect(valuesFromCell("", two)).toEqual({ values: {} });
    expect(valuesFromCell("92%", one)).toEqual({ values: { a: 92 } });
    expect(valuesFromCell("培训覆盖率：92；企业数=1,200", two)).toEqual({ values: { a: 92, b: 1200 } });
    expect(valuesFromCell("92", two)).toEqual({ problem: "valueNeedsName" });
    expect(valuesFromCell("92", [])).toEqual({ problem: "noIndicators" });
    expect(valuesFromCell("死亡率：3", two)).toEqual({ problem: "valueUnknownIndicator", detail: { value: "死亡率" } });
    expect(valuesFromCell("九十", one)).toEqual({ problem: "valueNotNumber", detail: { value: "九十" } });
  });
});
