/**
 * The public holidays the State Council's 《全国年节及纪念日放假办法》 (as amended in 2024, in force
 * from 2025) grants every year, before any 调休 arrangement: 元旦 1 day; 春节 4 days (除夕 and
 * 正月初一至初三); 清明节 1 day (the 清明 solar term); 劳动节 2 days (5月1日、2日); 端午节 1 day
 * (五月初五); 中秋节 1 day (八月十五); 国庆节 3 days (10月1日至3日). The year's arrangement (调休
 * working days, days off in lieu when a holiday falls on a weekend, bridged days) is published by the
 * State Council each year and is NOT derived here (decision 031). Pure; ISO dates.
 */
import { addDays } from "./periods";

/** The lunar and solar-term days a year's statutory holidays hang on (from a lunar-calendar library). */
export interface LunarAnchors {
  /** 正月初一 of the lunar year that starts in this Gregorian year */
  springFestival: string;
  /** the 清明 solar term's day */
  qingming: string;
  /** 五月初五 */
  dragonBoat: string;
  /** 八月十五 */
  midAutumn: string;
}

export interface StatutoryDay {
  day: string;
  name: string;
}

/** The statutory public holidays of `year` under the 2024 rules (13 days), in date order. */
export function statutoryHolidays(year: number, anchors: LunarAnchors): StatutoryDay[] {
  for (const [key, day] of Object.entries(anchors)) {
    // 除夕 may fall in the previous Gregorian year only if 初一 is 1 January, which never happens (初一 falls 21 January – 20 February).
    if (!day.startsWith(`${year}-`)) throw new Error(`${key} ${day} is not in ${year}`);
  }
  const days: StatutoryDay[] = [
    { day: `${year}-01-01`, name: "元旦" },
    // 春节: 除夕 (the day before 初一) and 初一 to 初三.
    ...[-1, 0, 1, 2].map((offset) => ({ day: addDays(anchors.springFestival, offset), name: "春节" })),
    { day: anchors.qingming, name: "清明节" },
    { day: `${year}-05-01`, name: "劳动节" },
    { day: `${year}-05-02`, name: "劳动节" },
    { day: anchors.dragonBoat, name: "端午节" },
    { day: anchors.midAutumn, name: "中秋节" },
    { day: `${year}-10-01`, name: "国庆节" },
    { day: `${year}-10-02`, name: "国庆节" },
    { day: `${year}-10-03`, name: "国庆节" },
  ];
  return days.sort((a, b) => a.day.localeCompare(b.day));
}

/** A calendar row's source for a day derived by this rule: the year's 调休 arrangement is not yet published. */
export const STATUTORY_SOURCE_PREFIX = "statutory:";

/** Whether a calendar row was derived from the statutory rule alone (调休 not yet published). */
export const isStatutoryOnly = (source: string) => source.startsWith(STATUTORY_SOURCE_PREFIX);
