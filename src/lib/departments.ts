/**
 * Reads a measure's 责任部门 cell ("市人社局、市财政局", "市卫健委牵头", "市人社局等8部门", "……市总工会等",
 * "市人社局牵头，市财政局、市卫健委配合", "各县（市、区）人民政府")
 * into department assignments. Pure: no I/O, never throws; names it cannot match are reported, not dropped silently.
 */

/** A department as the parser needs it: its short name and the other names it is written as. */
export interface DepartmentRef {
  shortName: string;
  aliases: string[];
}

/** One department responsible for a measure. */
export interface ParsedAssignment {
  shortName: string;
  lead: boolean;
}

/** Result of {@link parseResponsibleDepartments}. */
export interface ParsedDepartments {
  /** in text order (an inferred group follows the named ones); exactly one lead when any assignment */
  assignments: ParsedAssignment[];
  /** "市人社局等8部门": the list was inferred from the count, not read */
  inferredFromCount: boolean;
  /** "……市总工会等": the named departments are kept and the list is recorded as open */
  openList: boolean;
  /** names not matching any department or alias */
  unknownNames: string[];
}

/** Parses a 责任部门 cell against the known departments (given in their display order). */
export function parseResponsibleDepartments(text: string, departments: DepartmentRef[]): ParsedDepartments {
  const result: ParsedDepartments = { assignments: [], inferredFromCount: false, openList: false, unknownNames: [] };
  const cleaned = foldBrackets((typeof text === "string" ? text : "").replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, ""));
  if (cleaned === "") return result;

  const byName = new Map<string, string>();
  for (const dept of departments) {
    byName.set(foldBrackets(dept.shortName), dept.shortName);
    for (const alias of dept.aliases) {
      // A short name wins over another department's alias, so a stale alias cannot hijack a real department.
      if (!byName.has(foldBrackets(alias))) byName.set(foldBrackets(alias), dept.shortName);
    }
  }

  const named: string[] = [];
  let markedLead: string | null = null;
  let groupSize: number | null = null;

  for (const rawPiece of splitOutsideBrackets(cleaned)) {
    // "牵头单位：市人社局" / "配合单位：市财政局": the role label is dropped; 牵头 still marks the lead.
    const label = /^(牵头|配合|责任)(?:单位|部门)[:：]/u.exec(rawPiece);
    let piece = label ? rawPiece.slice(label[0].length) : rawPiece;
    // "……，市财政局配合": supporting departments are what every unmarked department already is.
    piece = piece.replace(/[（(]?(?:配合|参与|协助|协同)[）)]?$/u, "");
    if (piece === "") continue;

    const group = /^(.*?)等([0-9]+|[一二两三四五六七八九十]+)个?(?:部门|单位)$/u.exec(piece);
    if (group) {
      piece = group[1];
      groupSize = parseCount(group[2]);
      result.inferredFromCount = true;
    } else if (/等(?:部门|单位)?$/u.test(piece)) {
      piece = piece.replace(/等(?:部门|单位)?$/u, "");
      result.openList = true;
    }

    let leads = label?.[1] === "牵头";
    const lead = /^(.*?)[（(]?牵头[）)]?$/u.exec(piece);
    if (lead) {
      piece = lead[1];
      leads = true;
    }
    if (piece === "") continue;

    const shortName = byName.get(piece);
    if (shortName === undefined) {
      if (!result.unknownNames.includes(piece)) result.unknownNames.push(piece);
      continue;
    }
    if (!named.includes(shortName)) named.push(shortName);
    // Only the first explicit 牵头 counts; a second one would make the lead ambiguous, so the text order decides.
    if (leads && markedLead === null) markedLead = shortName;
  }

  const assigned = [...named];
  // A count equal to all known departments means "everyone"; any other count cannot be resolved to names,
  // so only the named department is kept and inferredFromCount tells the admin the list is incomplete.
  if (groupSize !== null && groupSize === departments.length) {
    for (const dept of departments) {
      if (!assigned.includes(dept.shortName)) assigned.push(dept.shortName);
    }
  }

  const leadName = markedLead ?? assigned[0];
  result.assignments = assigned.map((shortName) => ({ shortName, lead: shortName === leadName }));
  return result;
}

/** Full-width brackets for ASCII ones, so "各县(市、区)人民政府" and "各县（市、区）人民政府" are one name. */
function foldBrackets(text: string): string {
  return text.replace(/\(/gu, "（").replace(/\)/gu, "）");
}

/** Splits on list separators, except inside brackets: "各县（市、区）人民政府" is one party. */
function splitOutsideBrackets(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "（") depth += 1;
    else if (ch === "）" && depth > 0) depth -= 1;
    if (depth === 0 && /[、，,;；]/u.test(ch)) {
      pieces.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  pieces.push(current);
  return pieces;
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "8" → 8, "八" → 8, "十二" → 12, "二十" → 20; NaN when not a count. */
function parseCount(text: string): number {
  if (/^[0-9]+$/u.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!m || text === "") return Number.NaN;
  if (m[2] === undefined) return m[3] === undefined && m[1] !== undefined ? DIGITS[m[1]] : Number.NaN;
  const tens = m[1] === undefined ? 1 : DIGITS[m[1]];
  const ones = m[3] === undefined ? 0 : DIGITS[m[3]];
  return tens * 10 + ones;
}
