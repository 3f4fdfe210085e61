import { describe, it, expect } from "vitest";
import { parseResponsibleDepartments, type DepartmentRef, type ParsedDepartments } from "./departments";

const DEPARTMENTS: DepartmentRef[] = [
  { shortName: "市人社局", aliases: [] },
  { shortName: "市住建局", aliases: ["市住建委"] },
  { shortName: "市交运局", aliases: [] },
  { shortName: "市卫健委", aliases: [] },
  { shortName: "市应急局", aliases: [] },
  { shortName: "市财政局", aliases: [] },
  { shortName: "市经信局", aliases: [] },
  { shortName: "市总工会", aliases: [] },
];
const ALL = DEPARTMENTS.map((d) => d.shortName);

/** Lead first in `names`, unless `lead` says otherwise. */
function expected(names: string[], extra: Partial<ParsedDepartments> = {}, lead: string | undefined = names[0]): ParsedDepartments {
  return {
    assignments: names.map((shortName) => ({ shortName, lead: shortName === lead })),
    inferredFromCount: false,
    openList: false,
    unknownNames: [],
    ...extra,
  };
}

const ROWS: Array<{ name: string; text: string; want: ParsedDepartments }> = [
  { name: "single department", text: "市人社局", want: expected(["市人社局"]) },
  {
    name: "alias with cell line breaks",
    text: "市住建委、市交运\n局、市卫健委、市\n应急局",
    want: expected(["市住建局", "市交运局", "市卫健委", "市应急局"]),
  },
  { name: "space artifact inside a name", text: "市人社局、市财政 局", want: expected(["市人社局", "市财政局"]) },
  {
    name: "group of 8 named by count",
    text: "市人社局等8部门",
    want: expected(ALL, { inferredFromCount: true }),
  },
  {
    name: "group of 8 with the lead not first in the department order",
    text: "市应急局等8部门",
    want: expected(["市应急局", "市人社局", "市住建局", "市交运局", "市卫健委", "市财政局", "市经信局", "市总工会"], {
      inferredFromCount: true,
    }),
  },
  { name: "count in Chinese numerals", text: "市人社局等八个部门", want: expected(ALL, { inferredFromCount: true }) },
  {
    name: "count not matching the known departments keeps only the named one",
    text: "市人社局等5部门",
    want: expected(["市人社局"], { inferredFromCount: true }),
  },
  {
    name: "open list",
    text: "市人社局、市住建\n局、市交运局、市应\n急局、市总工会等",
    want: expected(["市人社局", "市住建局", "市交运局", "市应急局", "市总工会"], { openList: true }),
  },
  {
    name: "open list led by another department",
    text: "市卫健委、市经信\n局、市应急局、市人\n社局、市总工会等",
    want: expected(["市卫健委", "市经信局", "市应急局", "市人社局", "市总工会"], { openList: true }),
  },
  { name: "explicit lead alone", text: "\n市人社局牵头", want: expected(["市人社局"]) },
  { name: "explicit lead (卫健委)", text: "市卫健委牵头", want: expected(["市卫健委"]) },
  {
    name: "explicit lead not first keeps text order",
    text: "市财政局、市人社局牵头",
    want: expected(["市财政局", "市人社局"], {}, "市人社局"),
  },
  { name: "bracketed lead marker", text: "市财政局、市应急局（牵头）", want: expected(["市财政局", "市应急局"], {}, "市应急局") },
  {
    name: "every separator",
    text: "市人社局，市财政局;市应急局,市卫健委；市总工会",
    want: expected(["市人社局", "市财政局", "市应急局", "市卫健委", "市总工会"]),
  },
  {
    name: "duplicates via alias removed",
    text: "市人社局、市住建委、市人社局、市住建局",
    want: expected(["市人社局", "市住建局"]),
  },
  {
    name: "unknown name reported, known ones kept",
    text: "市教育局、市人社局、市教育局",
    want: expected(["市人社局"], { unknownNames: ["市教育局"] }),
  },
  { name: "only unknown names", text: "市公安局", want: expected([], { unknownNames: ["市公安局"] }) },
  // Successor plans (issue 9).
  {
    name: "X牵头，Y配合: X leads, Y supports",
    text: "市卫健委牵头，市人社局、市应急局配合",
    want: expected(["市卫健委", "市人社局", "市应急局"], {}, "市卫健委"),
  },
  {
    name: "supporting department written first still leaves the lead to 牵头",
    text: "市财政局配合，市人社局牵头",
    want: expected(["市财政局", "市人社局"], {}, "市人社局"),
  },
  {
    name: "role labels",
    text: "牵头单位：市应急局；配合单位：市人社局、市总工会",
    want: expected(["市应急局", "市人社局", "市总工会"], {}, "市应急局"),
  },
  {
    name: "各县（市、区）人民政府 unknown is reported as one name, not split at its 、",
    text: "市人社局牵头，各县（市、区）人民政府配合",
    want: expected(["市人社局"], { unknownNames: ["各县（市、区）人民政府"] }),
  },
  { name: "empty", text: "", want: expected([]) },
  { name: "separators only", text: "、，", want: expected([]) },
];

describe("parseResponsibleDepartments", () => {
  it.each(ROWS)("$name", ({ text, want }) => {
    const got = parseResponsibleDepartments(text, DEPARTMENTS);
    expect(got).toEqual(want);
    const leads = got.assignments.filter((a) => a.lead).length;
    expect(leads).toBe(got.assignments.length === 0 ? 0 : 1);
  });

  it("lets a short name win over another department's identical alias", () => {
    const departments: DepartmentRef[] = [
      { shortName: "市甲局", aliases: ["市乙局"] },
      { shortName: "市乙局", aliases: [] },
    ];
    expect(parseResponsibleDepartments("市乙局", departments).assignments).toEqual([{ shortName: "市乙局", lead: true }]);
  });

  it("matches 各县（市、区）人民政府 as one party, in full- or half-width brackets", () => {
    const withCounties: DepartmentRef[] = [...DEPARTMENTS, { shortName: "各县（市、区）人民政府", aliases: ["各县市区政府"] }];
    expect(parseResponsibleDepartments("市人社局牵头，各县（市、区）人民政府配合", withCounties)).toEqual(
      expected(["市人社局", "各县（市、区）人民政府"]),
    );
    expect(parseResponsibleDepartments("各县(市、区)人民政府牵头、市财政局配合", withCounties)).toEqual(
      expected(["各县（市、区）人民政府", "市财政局"]),
    );
    expect(parseResponsibleDepartments("各县市区政府", withCounties).assignments).toEqual([
      { shortName: "各县（市、区）人民政府", lead: true },
    ]);
  });

  it("uses the given department list for the count, not a fixed 8", () => {
    const three = DEPARTMENTS.slice(0, 3);
    expect(parseResponsibleDepartments("市交运局等3部门", three).assignments.map((a) => a.shortName)).toEqual([
      "市交运局",
      "市人社局",
      "市住建局",
    ]);
  });
});
