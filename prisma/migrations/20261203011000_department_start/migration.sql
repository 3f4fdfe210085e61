-- A department added to a running measure owes its periods from this day on (decision 031), null:
-- from the measure's own tracking start (a department on the measure from the beginning).
ALTER TABLE "MeasureDepartment" ADD COLUMN "startsOn" DATE;
