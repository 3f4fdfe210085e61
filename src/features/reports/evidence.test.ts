import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { afterAll, describe, expect, it } from "vitest";
import nextConfig from "../../../next.config";
import { config as proxyConfig } from "../../proxy";
import { cleanFileName, detectEvidenceType, evidenceFileName, folderStore } from "./evidence";

const PDF_TYPE = "application/pdf";
const dir = mkdtempSync(path.join(tmpdir(), "duban-evidence-unit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("evidence file names", () => {
  it("strips right-to-left overrides and every other bidi control", () => {
    // "invoice‮fdp.exe" shows as "invoiceexe.pdf" in a right-to-left override.
    expect(cleanFileName("invoice\u202efdp.exe")).toBe("invoicefdp.exe");
    const bidi = ["\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c"];
    expect(cleanFileName(`报${bidi.join("")}告.pdf`)).toBe("报告.pdf");
  });

  it("strips control characters (C0, DEL, C1, line separators) instead of keeping them", () => {
    expect(cleanFileName("a\u0000b\u0007c\u001bd\u007fe\u0085f\u2028g.pdf")).toBe("abcdefg.pdf");
    expect(cleanFileName("第一行\r\n第二行.pdf")).toBe("第一行第二行.pdf");
  });

  it("keeps Chinese names, drops folders and characters that break a header or a file system", () => {
    expect(cleanFileName("C:\\Users\\张三\\整改通报.pdf")).toBe("整改通报.pdf");
    expect(cleanFileName('a"b<c>d|e:f*g?.pdf')).toBe("a_b_c_d_e_f_g_.pdf");
    expect(cleanFileName("\u202e\u200f  ")).toBe("file");
  });

  it("ends the name with the extension of the detected type, not the one it was sent with", () => {
    expect(evidenceFileName("报告.html", PDF_TYPE)).toBe("报告.pdf");
    expect(evidenceFileName("photo.PNG", "image/png")).toBe("photo.png");
    expect(evidenceFileName("scan.jpeg", "image/jpeg")).toBe("scan.jpg");
    expect(evidenceFileName("通报", PDF_TYPE)).toBe("通报.pdf");
    expect(evidenceFileName("x.pdf.html", PDF_TYPE)).toBe("x.pdf.pdf");
    expect(evidenceFileName("table.xls", "application/vnd.ms-excel")).toBe("table.xls");
    expect(evidenceFileName("evil\u202efdp.html", PDF_TYPE)).toBe("evilfdp.pdf");
    expect(evidenceFileName(".html", PDF_TYPE)).toBe("file.pdf");
    expect(evidenceFileName("长".repeat(300) + ".pdf", PDF_TYPE)).toHaveLength(114);
  });
});

describe("evidence folder", () => {
  it("streams a body to a temporary file and stops, leaving nothing, past the size cap", async () => {
    const store = folderStore(path.join(dir, "cap"));
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(1024, 1));
    expect(await store.receive(Readable.from(chunks), 5 * 1024)).toEqual({ ok: false, reason: "size" });
    expect(readdirSync(path.join(dir, "cap"))).toEqual([]);
    const received = await store.receive(Readable.from(chunks), 10 * 1024);
    expect(received).toMatchObject({ ok: true, size: 10 * 1024 });
    expect(readdirSync(path.join(dir, "cap"))).toEqual([`${received.ok && received.name}.part`]);
    expect(await store.receive(Readable.from([]), 1024)).toEqual({ ok: false, reason: "empty" });
  });

  it("detects the type from the content: a PDF named .html is a PDF, HTML named .pdf is refused", async () => {
    const pdf = path.join(dir, "a.html");
    writeFileSync(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    expect(await detectEvidenceType(pdf, "a.html")).toBe(PDF_TYPE);
    const html = path.join(dir, "b.pdf");
    writeFileSync(html, "<html><script>alert(1)</script></html>");
    expect(await detectEvidenceType(html, "b.pdf")).toBeNull();
  });
});

describe("request body limits", () => {
  it("lets server actions and the proxy take no more than a form without files needs", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe("1mb");
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe("1mb");
  });

  it("keeps the upload route out of the proxy, which would buffer (and cut) its body", () => {
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: "/api/evidence-uploads?periodId=p&name=a.pdf" })).toBe(false);
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: "/reports" })).toBe(true);
    expect(unstable_doesMiddlewareMatch({ config: proxyConfig, url: "/api/attachments/abc" })).toBe(true);
  });
});
