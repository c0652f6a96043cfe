// The national workbook stays in bounded memory only if the writer waits for exceljs's zip
// (summary-xlsx.ts): these tests fail if a later exceljs stops exposing the sheet's zip entry
// stream, or if waiting on it no longer drains what was buffered.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { bufferedXmlBytes, letZipCatchUp, MAX_BUFFERED_XML_BYTES, zipEntryInput } from "@/server/services/exports/summary-xlsx";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-xlsx-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ROWS = 6_000;
// About 1 KB of Thai per row (3 bytes per character in UTF-8): some 6 MB of sheet XML.
const rowValues = (index: number) => [index, `มาตรการส่งเสริมคุณธรรมและความโปร่งใส ลำดับที่ ${index} `.repeat(6)];

describe("writing a large sheet with exceljs's streaming writer", () => {
  it("buffers the sheet's XML until the writer waits, and waiting drains it without losing a row", async () => {
    const file = path.join(dir, "large.xlsx");
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
    const sheet = workbook.addWorksheet("มาตรการ");
    const entry = zipEntryInput(sheet);
    expect(entry).not.toBeNull();

    for (let index = 1; index <= ROWS / 2; index++) sheet.addRow(rowValues(index)).commit();
    // Nothing waited yet: the zip has not read what the rows wrote.
    expect(bufferedXmlBytes(entry!)).toBeGreaterThan(MAX_BUFFERED_XML_BYTES);
    await letZipCatchUp(entry);
    expect(bufferedXmlBytes(entry!)).toBeLessThanOrEqual(MAX_BUFFERED_XML_BYTES);

    for (let index = ROWS / 2 + 1; index <= ROWS; index++) {
      sheet.addRow(rowValues(index)).commit();
      if (index % 25 === 0) await letZipCatchUp(entry);
      expect(bufferedXmlBytes(entry!)).toBeLessThanOrEqual(MAX_BUFFERED_XML_BYTES + 64 * 1024);
    }
    sheet.commit();
    await workbook.commit();

    const readBack = new ExcelJS.Workbook();
    await readBack.xlsx.readFile(file);
    const written = readBack.getWorksheet("มาตรการ")!;
    expect(written.rowCount).toBe(ROWS);
    expect(written.getRow(ROWS).getCell(1).value).toBe(ROWS);
    expect(written.getRow(4_321).getCell(2).value).toBe(rowValues(4_321)[1]);
  });

  it("turns the event loop when there is nothing to wait for", async () => {
    let turned = false;
    setImmediate(() => (turned = true));
    await letZipCatchUp(null);
    expect(turned).toBe(true);
  });
});
