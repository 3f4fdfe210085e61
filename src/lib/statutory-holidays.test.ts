import { describe, expect, it } from "vitest";
import { chineseDaysRows, lunarAnchors, statutoryRows } from "../../scripts/lib/working-calendar-data";
import { isStatutoryOnly, statutoryHolidays } from "./statutory-holidays";

describe("statutory public holidays (《全国年节及纪念日放假办法》, 2024 amendment)", () => {
  it("pins 2027: 13 days, 除夕 2027-02-05 and 初一 2027-02-06 by the package's lunar calendar", () => {
    expect(lunarAnchors(2027)).toEqual({ springFestival: "2027-02-06", qingming: "2027-04-05", dragonBoat: "2027-06-09", midAutumn: "2027-09-15" });
    expect(statutoryRows(2027)).toEqual([
      { day: "2027-01-01", working: false, name: "元旦" },
      { day: "2027-02-05", working: false, name: "春节" },
      { day: "2027-02-06", working: false, name: "春节" },
      { day: "2027-02-07", working: false, name: "春节" },
      { day: "2027-02-08", working: false, name: "春节" },
      { day: "2027-04-05", working: false, name: "清明节" },
      { day: "2027-05-01", working: false, name: "劳动节" },
      { day: "2027-05-02", working: false, name: "劳动节" },
      { day: "2027-06-09", working: false, name: "端午节" },
      { day: "2027-09-15", working: false, name: "中秋节" },
      { day: "2027-10-01", working: false, name: "国庆节" },
      { day: "2027-10-02", working: false, name: "国庆节" },
      { day: "2027-10-03", working: false, name: "国庆节" },
    ]);
  });

  it("agrees with the arrangements published for 2025 and 2026: every statutory day is a day off there", () => {
    for (const year of [2025, 2026]) {
      const published = new Set(chineseDaysRows(year, year).filter((r) => !r.working).map((r) => r.day));
      const derived = statutoryRows(year);
      expect(derived).toHaveLength(13);
      expect(derived.filter((d) => !published.has(d.day))).toEqual([]);
    }
  });

  it("has no arrangement of its own for 2027 in the package: nothing is invented", () => {
    expect(chineseDaysRows(2027, 2027)).toEqual([]);
  });

  it("takes 除夕 as the day before 初一, across a month boundary", () => {
    const days = statutoryHolidays(2028, { springFestival: "2028-01-26", qingming: "2028-04-04", dragonBoat: "2028-05-28", midAutumn: "2028-10-03" });
    expect(days.filter((d) => d.name === "春节").map((d) => d.day)).toEqual(["2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28"]);
    // 中秋 on 10月3日 is the same day as a 国庆 day: both are listed, the calendar keeps one row per day.
    expect(days.filter((d) => d.day === "2028-10-03").map((d) => d.name)).toEqual(["中秋节", "国庆节"]);
  });

  it("refuses anchors outside the year", () => {
    expect(() => statutoryHolidays(2027, { springFestival: "2026-02-17", qingming: "2027-04-05", dragonBoat: "2027-06-09", midAutumn: "2027-09-15" })).toThrow();
  });

  it("marks statutory-only rows by their source", () => {
    expect(isStatutoryOnly("statutory:chinese-days@1.5.7")).toBe(true);
    expect(isStatutoryOnly("chinese-days@1.5.7")).toBe(false);
    expect(isStatutoryOnly("admin")).toBe(false);
  });
});
