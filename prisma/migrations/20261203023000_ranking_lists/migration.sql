-- Decision 032: the 红黑榜 thresholds per plan (they were fixed in code: 90 and the first 3 for the 红榜, below 60 for the 黑榜).
ALTER TABLE "Plan" ADD COLUMN "rankRedMinScore" INTEGER NOT NULL DEFAULT 90,
ADD COLUMN "rankRedTop" INTEGER NOT NULL DEFAULT 3,
ADD COLUMN "rankBlackBelow" INTEGER NOT NULL DEFAULT 60;

ALTER TABLE "Plan" ADD CONSTRAINT "Plan_rank_lists_check" CHECK (
  "rankRedMinScore" BETWEEN 0 AND 100 AND "rankBlackBelow" BETWEEN 0 AND "rankRedMinScore" AND "rankRedTop" BETWEEN 1 AND 50
);
