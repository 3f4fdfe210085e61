-- The notification scan runs every few minutes and usually finds nothing new, yet its statements
-- (an INSERT ... ON CONFLICT DO NOTHING, the e-mail claim UPDATE) still fire statement triggers.
-- For "Notification", raise "pageVersion" only when a statement really changed rows, so that
-- an idle scan does not make every page render again.
-- Semicolons inside the body are spelled \073: the migration runner splits at every semicolon.
DROP TRIGGER "PageVersion_Notification" ON "Notification";
CREATE FUNCTION "DataVersion_bump_pages_if_rows"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF EXISTS (SELECT 1 FROM changed_rows) THEN UPDATE "DataVersion" SET "pageVersion" = "pageVersion" + 1 WHERE "id" = 1\073 END IF\073 RETURN NULL\073 END\073';
CREATE TRIGGER "PageVersion_Notification_insert" AFTER INSERT ON "Notification" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages_if_rows"();
CREATE TRIGGER "PageVersion_Notification_update" AFTER UPDATE ON "Notification" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages_if_rows"();
CREATE TRIGGER "PageVersion_Notification_delete" AFTER DELETE ON "Notification" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages_if_rows"();
