-- The 通报 ranking's weights, per plan (decision 027). They add up to 100.
ALTER TABLE "Plan" ADD COLUMN     "rankTimelinessWeight" INTEGER NOT NULL DEFAULT 40,
ADD COLUMN     "rankProgressWeight" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "rankReturnsWeight" INTEGER NOT NULL DEFAULT 15,
ADD COLUMN     "rankNoticesWeight" INTEGER NOT NULL DEFAULT 15;

ALTER TABLE "Plan" ADD CONSTRAINT "Plan_rank_weights_check" CHECK (
  "rankTimelinessWeight" BETWEEN 0 AND 100 AND "rankProgressWeight" BETWEEN 0 AND 100
  AND "rankReturnsWeight" BETWEEN 0 AND 100 AND "rankNoticesWeight" BETWEEN 0 AND 100
  AND "rankTimelinessWeight" + "rankProgressWeight" + "rankReturnsWeight" + "rankNoticesWeight" = 100
);
