-- 2027 in the working-day calendar (decision 031). The chinese-days package (1.5.7) has no 2027
-- arrangement: the State Council had not published it. These are the statutory public holidays of
-- 《全国年节及纪念日放假办法》 (as amended in 2024) only, their lunar and solar-term days computed with the
-- package's own lunar calendar (scripts/working-calendar-sql.ts --statutory 2027 wrote this statement,
-- src/lib/statutory-holidays.test.ts pins the days). No 调休 working day and no day in lieu is listed:
-- the source 'statutory:…' marks each row as statutory-only, and the calendar page asks an
-- administrator to enter the arrangement once it is published. A day already listed (an
-- administrator entered it) is left as it is.
INSERT INTO "WorkingCalendarDay" ("day", "working", "name", "source", "updatedAt") VALUES
  ('2027-01-01', false, '元旦', 'statutory:chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2027-02-05', false, '春节', 'statutory:chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2027-02-06', false, '春节', 'statutory:chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2027-02-07', false, '春节', 'statutory:chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2027-02-08', false, '春节', 'statutory:chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2027-04-05', false, '清明节', 'statutory:chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2027-05-01', false, '劳动节', 'statutory:chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2027-05-02', false, '劳动节', 'statutory:chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2027-06-09', false, '端午节', 'statutory:chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2027-09-15', false, '中秋节', 'statutory:chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2027-10-01', false, '国庆节', 'statutory:chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2027-10-02', false, '国庆节', 'statutory:chinese-days@1.5.7', CURRENT_TIMESTAMP),
  ('2027-10-03', false, '国庆节', 'statutory:chinese-days@1.5.7', CURRENT_TIMESTAMP)
ON CONFLICT ("day") DO NOTHING;

-- Periods laid out before these days were listed and not yet due move off them, as a calendar edit
-- moves them (src/features/schedules/sync-periods.ts moveDueDatesToCalendar): only days off were
-- added, so the next working day on or after a date the rule set is the rule's date again. A due date
-- an administrator set by hand (dueDate <> originalDueDate) and the periods of plans that create no
-- obligations (已结束, 已归档) keep theirs. A department's own date from an extension is untouched.
UPDATE "ReportingPeriod" p SET "dueDate" = next_working_day(p."dueDate"), "originalDueDate" = next_working_day(p."dueDate"), "version" = p."version" + 1
FROM "Measure" m JOIN "KeyTask" t ON t."id" = m."keyTaskId" JOIN "Plan" pl ON pl."id" = t."planId"
WHERE m."id" = p."measureId" AND pl."status" IN ('DRAFT', 'ACTIVE') AND p."dueDate" = p."originalDueDate"
  AND p."dueDate" >= (now() AT TIME ZONE 'Asia/Shanghai')::date AND p."dueDate" BETWEEN DATE '2027-01-01' AND DATE '2027-12-31'
  AND next_working_day(p."dueDate") <> p."dueDate";
