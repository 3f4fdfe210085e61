-- 演示数据 (decision 030): the rows the embedded mode's first start inserted as a demonstration history.
CREATE TABLE "DemoData" (
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DemoData_pkey" PRIMARY KEY ("entityType","entityId")
);

-- Every page shows the banner while the table has rows, and the overview's figures change with it: both versions move.
CREATE TRIGGER "DataVersion_DemoData" AFTER INSERT OR UPDATE OR DELETE ON "DemoData" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump"();
