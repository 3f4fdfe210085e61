import { describe, expect, it } from "vitest";
import { chinaDateTime, todayInChina } from "./due";

describe("todayInChina", () => {
  it("uses UTC+8, so 16:30 UTC is already the next day", () => {
    expect(todayInChina(new Date("2025-12-31T16:30:00Z"))).toBe("2026-01-01");
    expect(todayInChina(new Date("2025-12-31T15:59:00Z"))).toBe("2025-12-31");
  });
  it("names every moment's day as the calendar does, before 1970 and after 2038, at either side of midnight", async () => {
    const { isoDay } = await import("./due");
    const reference = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    for (let ms = Date.UTC(1960, 0, 1); ms < Date.UTC(2045, 0, 1); ms += 7 * 3_600_000 + 12_345) {
      const at = new Date(ms);
      expect(todayInChina(at)).toBe(reference(at));
      expect(isoDay(at)).toBe(at.toISOString().slice(0, 10));
    }
    for (const iso of ["2026-01-01T00:00:00Z", "2025-12-31T23:59:59.999Z", "1969-12-31T23:59:59.999Z", "2024-02-29T12:00:00Z"]) {
      expect(isoDay(new Date(iso))).toBe(iso.slice(0, 10));
    }
  });
});

describe("a department's due date", () => {
  it("is the period's, or the department's own extension when later", async () => {
    const { departmentDueDay, departmentDueDate, dayToDate } = await import("./due");
    expect(departmentDueDay("2026-10-10", null)).toBe("2026-10-10");
    expect(departmentDueDay("2026-10-10", "2026-12-31")).toBe("2026-12-31");
    // An administrator later moved the period past the extension: the later date holds.
    expect(departmentDueDay("2027-01-31", "2026-12-31")).toBe("2027-01-31");
    expect(departmentDueDate(dayToDate("2026-10-10"), dayToDate("2026-12-31")).toISOString().slice(0, 10)).toBe("2026-12-31");
    expect(departmentDueDate(dayToDate("2026-10-10"), undefined).toISOString().slice(0, 10)).toBe("2026-10-10");
  });
});

describe("chinaDateTime", () => {
  it("writes a moment as yyyy-mm-dd HH:mm in China time, the next day after 16:00 UTC", () => {
    expect(chinaDateTime(new Date("2026-12-01T16:30:05Z"))).toBe("2026-12-02 00:30");
    expect(chinaDateTime(new Date("2026-12-01T02:05:09Z"), true)).toBe("2026-12-01 10:05:09");
  });
});
