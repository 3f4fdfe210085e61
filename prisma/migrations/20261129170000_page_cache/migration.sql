-- AlterTable
ALTER TABLE "DataVersion" ADD COLUMN "pageVersion" BIGINT NOT NULL DEFAULT 0;

-- "pageVersion" rises with every change to anything a page may show (every table but
-- "LoginAttempt", which no page reads), so a rendered page can be reused exactly until the next
-- change. Both counters live in one row: every writer takes the same single row lock, in the
-- same order, so the two counters cannot deadlock each other.
-- Semicolons inside the bodies are spelled \073: the migration runner splits at every semicolon.
CREATE OR REPLACE FUNCTION "DataVersion_bump"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "DataVersion" SET "version" = "version" + 1, "pageVersion" = "pageVersion" + 1 WHERE "id" = 1\073 RETURN NULL\073 END\073';
CREATE FUNCTION "DataVersion_bump_pages"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "DataVersion" SET "pageVersion" = "pageVersion" + 1 WHERE "id" = 1\073 RETURN NULL\073 END\073';
CREATE TRIGGER "PageVersion_ProgressReport" AFTER INSERT OR UPDATE OR DELETE ON "ProgressReport" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();
CREATE TRIGGER "PageVersion_IndicatorValue" AFTER INSERT OR UPDATE OR DELETE ON "IndicatorValue" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();
CREATE TRIGGER "PageVersion_Attachment" AFTER INSERT OR UPDATE OR DELETE ON "Attachment" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();
CREATE TRIGGER "PageVersion_LeaderInstruction" AFTER INSERT OR UPDATE OR DELETE ON "LeaderInstruction" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();
CREATE TRIGGER "PageVersion_Indicator" AFTER INSERT OR UPDATE OR DELETE ON "Indicator" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();
CREATE TRIGGER "PageVersion_AuditEvent" AFTER INSERT ON "AuditEvent" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();
CREATE TRIGGER "PageVersion_User" AFTER INSERT OR UPDATE OR DELETE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();
CREATE TRIGGER "PageVersion_Notification" AFTER INSERT OR UPDATE OR DELETE ON "Notification" FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages"();
