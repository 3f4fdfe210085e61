import { describe, expect, it } from "vitest";
import { parseMailSettings } from "./env";

describe("parseMailSettings", () => {
  it("is off without DUBAN_SMTP_URL", () => {
    expect(parseMailSettings({})).toBeNull();
    expect(parseMailSettings({ DUBAN_SMTP_URL: "", DUBAN_MAIL_FROM: "duban@example.gov.cn" })).toBeNull();
  });

  it("takes an smtp:// or smtps:// URL, the sender, and the address users open", () => {
    expect(
      parseMailSettings({ DUBAN_SMTP_URL: "smtps://duban:s3cret@mail.example.gov.cn:465", DUBAN_MAIL_FROM: "督办 <duban@example.gov.cn>", NEXTAUTH_URL: "https://duban.example.gov.cn/" }),
    ).toEqual({ smtpUrl: "smtps://duban:s3cret@mail.example.gov.cn:465", from: "督办 <duban@example.gov.cn>", baseUrl: "https://duban.example.gov.cn" });
  });

  it("links to http://localhost:PORT when NEXTAUTH_URL is unset, as the launcher does", () => {
    expect(parseMailSettings({ DUBAN_SMTP_URL: "smtp://127.0.0.1:2525", DUBAN_MAIL_FROM: "duban@localhost", PORT: "8080" })?.baseUrl).toBe("http://localhost:8080");
    expect(parseMailSettings({ DUBAN_SMTP_URL: "smtp://127.0.0.1:2525", DUBAN_MAIL_FROM: "duban@localhost" })?.baseUrl).toBe("http://localhost:3000");
  });

  it.each([
    [{ DUBAN_SMTP_URL: "https://mail.example.gov.cn", DUBAN_MAIL_FROM: "duban@example.gov.cn" }, "DUBAN_SMTP_URL: DUBAN_SMTP_URL must be an smtp:// or smtps:// URL"],
    [{ DUBAN_SMTP_URL: "mail.example.gov.cn:25", DUBAN_MAIL_FROM: "duban@example.gov.cn" }, "DUBAN_SMTP_URL: DUBAN_SMTP_URL must be an smtp:// or smtps:// URL"],
    [{ DUBAN_SMTP_URL: "smtp://mail.example.gov.cn" }, "DUBAN_MAIL_FROM: DUBAN_MAIL_FROM is required when DUBAN_SMTP_URL is set"],
    [{ DUBAN_SMTP_URL: "smtp://mail.example.gov.cn", DUBAN_MAIL_FROM: "督办" }, "DUBAN_MAIL_FROM: DUBAN_MAIL_FROM must be an address"],
    [{ DUBAN_SMTP_URL: "smtp://mail.example.gov.cn", DUBAN_MAIL_FROM: "duban@example.gov.cn", NEXTAUTH_URL: "duban.example.gov.cn" }, "NEXTAUTH_URL: NEXTAUTH_URL must be an http:// or https:// URL"],
  ])("refuses %j with a readable message", (source, message) => {
    expect(() => parseMailSettings(source)).toThrow(message);
  });
});
