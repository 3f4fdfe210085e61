-- CreateTable
CREATE TABLE "UserSession" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserPageVersion" (
    "userId" TEXT NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "UserPageVersion_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "UserSession_userId_idx" ON "UserSession"("userId");

-- AddForeignKey
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Bookkeeping must not make every user's pages render again (decision 011).
-- "UserSession" and "UserPageVersion" have no page-version trigger: no page shows them.
-- A user's own notifications raise that user's counter in "UserPageVersion" (part of the page
-- cache's key for that user) instead of the global "pageVersion", and only when something a page
-- shows changed: the e-mail claim and delivery columns change nothing anybody sees.
-- Audit rows of sign-ins, sign-outs, notification reads and ended sessions raise nothing: the
-- audit log page, the only page that lists them, is never stored by the page cache.
-- Semicolons inside the bodies are spelled \073: the migration runner splits at every semicolon.
DROP TRIGGER "PageVersion_Notification_insert" ON "Notification";
DROP TRIGGER "PageVersion_Notification_update" ON "Notification";
DROP TRIGGER "PageVersion_Notification_delete" ON "Notification";
DROP FUNCTION "DataVersion_bump_pages_if_rows"();
CREATE FUNCTION "UserPageVersion_bump_notifications"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF TG_OP = ''INSERT'' THEN INSERT INTO "UserPageVersion" ("userId", "version") SELECT DISTINCT u, 1 FROM (SELECT "userId" FROM new_rows) AS changed(u) ORDER BY u ON CONFLICT ("userId") DO UPDATE SET "version" = "UserPageVersion"."version" + 1\073 ELSIF TG_OP = ''DELETE'' THEN INSERT INTO "UserPageVersion" ("userId", "version") SELECT DISTINCT u, 1 FROM (SELECT "userId" FROM old_rows) AS changed(u) ORDER BY u ON CONFLICT ("userId") DO UPDATE SET "version" = "UserPageVersion"."version" + 1\073 ELSE INSERT INTO "UserPageVersion" ("userId", "version") SELECT DISTINCT u, 1 FROM (SELECT n."userId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE (n."userId", n."kind", n."params", n."link", n."createdAt", n."readAt") IS DISTINCT FROM (o."userId", o."kind", o."params", o."link", o."createdAt", o."readAt") UNION SELECT o."userId" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE n."userId" IS DISTINCT FROM o."userId") AS changed(u) ORDER BY u ON CONFLICT ("userId") DO UPDATE SET "version" = "UserPageVersion"."version" + 1\073 END IF\073 RETURN NULL\073 END\073';
CREATE TRIGGER "UserPageVersion_Notification_insert" AFTER INSERT ON "Notification" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "UserPageVersion_bump_notifications"();
CREATE TRIGGER "UserPageVersion_Notification_update" AFTER UPDATE ON "Notification" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "UserPageVersion_bump_notifications"();
CREATE TRIGGER "UserPageVersion_Notification_delete" AFTER DELETE ON "Notification" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "UserPageVersion_bump_notifications"();
DROP TRIGGER "PageVersion_AuditEvent" ON "AuditEvent";
CREATE FUNCTION "DataVersion_bump_pages_unless_bookkeeping"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF EXISTS (SELECT 1 FROM new_rows WHERE "action" NOT LIKE ''auth.%'' AND "action" NOT IN (''notification.mark_read'', ''user.end_sessions'')) THEN UPDATE "DataVersion" SET "pageVersion" = "pageVersion" + 1 WHERE "id" = 1\073 END IF\073 RETURN NULL\073 END\073';
CREATE TRIGGER "PageVersion_AuditEvent" AFTER INSERT ON "AuditEvent" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "DataVersion_bump_pages_unless_bookkeeping"();
