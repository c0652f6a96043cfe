// Reading the registry file as offices write it: CSV with or without BOM (or TIS-620), XLSX,
// Thai or English headers, Thai digits, abbreviations, extra columns, untidy names.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/server/auth/password-rules";
import { parseDlaCode, parseOrganizationType } from "@/server/domain/registry-values";
import { readTableFile } from "@/server/services/imports/table-file";
import { parseRegistryTable } from "@/server/services/registry/registry-import";

const utf8 = (text: string) => new TextEncoder().encode(text);

async function parse(fileName: string, bytes: Uint8Array) {
  return parseRegistryTable(await readTableFile(fileName, bytes));
}

describe("registry file", () => {
  it("reads a Thai-headed CSV with a BOM, Thai digits, abbreviations, prefixes, extra columns and a decomposed sara am", async () => {
    const csv = "\ufeffลำดับ,รหัส อปท.,ชื่อ อปท.,ประเภท,อำเภอ,จังหวัด\r\n1,๐๖๗๕๐๑๐๓,  องค์การบริหารส่วนต\u0e4d\u0e32บลท้ายหาด ,อบต.,อำเภอเมืองสมุทรสงคราม,จ.สมุทรสงคราม\r\n\r\n2,4750102,เทศบาลเมืองสมุทรสงคราม,เทศบาลเมือง,เมืองสมุทรสงคราม,สมุทรสงคราม\r\n";
    const { rows, invalid } = await parse("registry.csv", utf8(csv));
    expect(invalid).toEqual([]);
    expect(rows).toEqual([
      expect.objectContaining({ line: 2, dlaCode: "06750103", nameTh: "องค์การบริหารส่วนตำบลท้ายหาด", type: "SAO", districtName: "เมืองสมุทรสงคราม", provinceName: "สมุทรสงคราม" }),
      expect.objectContaining({ line: 4, dlaCode: "04750102", type: "TOWN_MUNICIPALITY" }),
    ]);
  });

  it("reads English headers in any order and a semicolon-separated file without BOM", async () => {
    const csv = "Province;District;Type;Name;DLA code;note\nสมุทรสงคราม;อัมพวา;ทต.;เทศบาลตำบลอัมพวา;05750201;x\n";
    const { rows } = await parse("registry.csv", utf8(csv));
    expect(rows).toEqual([expect.objectContaining({ dlaCode: "05750201", nameTh: "เทศบาลตำบลอัมพวา", type: "SUBDISTRICT_MUNICIPALITY", districtName: "อัมพวา" })]);
  });

  it("reads a TIS-620 (Windows-874) CSV as Thai Excel saves it", async () => {
    const text = "รหัส อปท.,ชื่อ อปท.,ประเภท,อำเภอ,จังหวัด\n06750103,อบต.ท้ายหาด,อบต.,เมืองสมุทรสงคราม,สมุทรสงคราม\n";
    // Thai letters U+0E01–U+0E5B are bytes 0xA1–0xFB in TIS-620.
    const bytes = Uint8Array.from([...text].map((character) => {
      const code = character.codePointAt(0)!;
      return code >= 0x0e01 && code <= 0x0e5b ? code - 0x0e01 + 0xa1 : code;
    }));
    const { rows } = await parse("registry.csv", bytes);
    expect(rows[0]).toMatchObject({ nameTh: "อบต.ท้ายหาด", provinceName: "สมุทรสงคราม" });
  });

  it("reads the first sheet of an XLSX file, a numeric code keeping its leading zero", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("ทะเบียน");
    sheet.addRow(["รหัส อปท.", "ชื่อ อปท.", "ประเภท", "อำเภอ", "จังหวัด"]);
    sheet.addRow([6750103, { richText: [{ text: "องค์การบริหารส่วนตำบล" }, { text: "ท้ายหาด" }] }, "องค์การบริหารส่วนตำบล", "เมืองสมุทรสงคราม", "สมุทรสงคราม"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { rows } = await parse("registry.xlsx", bytes);
    expect(rows).toEqual([expect.objectContaining({ line: 2, dlaCode: "06750103", nameTh: "องค์การบริหารส่วนตำบลท้ายหาด", type: "SAO" })]);
  });

  it("reports each invalid row with its line, the column as the file names it, and a Thai reason", async () => {
    const csv = [
      "รหัส อปท.,ชื่อ อปท.,ประเภท,อำเภอ,จังหวัด",
      "123,อบต.หนึ่ง,อบต.,เมือง,สมุทรสงคราม",
      "06750104,,อบต.,เมือง,สมุทรสงคราม",
      "06750105,อบต.สาม,อบล.,เมือง,สมุทรสงคราม",
      "06750106,อบต.สี่,อบต.,,สมุทรสงคราม",
      "06750107,อบต.ห้า,อบต.,เมือง,สมุทรสงคราม",
      "06750107,อบต.ห้าซ้ำ,อบต.,เมือง,สมุทรสงคราม",
    ].join("\n");
    const { rows, invalid } = await parse("registry.csv", utf8(csv));
    expect(rows.map((row) => row.line)).toEqual([6]);
    expect(invalid).toEqual([
      { line: 2, column: "รหัส อปท.", reason: 'รหัส อปท. "123" ต้องเป็นตัวเลข 8 หลัก' },
      { line: 3, column: "ชื่อ อปท.", reason: "ไม่ได้กรอกชื่อ อปท." },
      { line: 4, column: "ประเภท", reason: expect.stringContaining('ไม่รู้จักประเภท "อบล."') },
      { line: 5, column: "อำเภอ", reason: "ไม่ได้กรอกอำเภอ" },
      { line: 7, column: "รหัส อปท.", reason: "รหัส อปท. 06750107 ซ้ำกับแถวที่ 6" },
    ]);
  });

  it("refuses a file without a required column, an empty file and a broken workbook in Thai", async () => {
    await expect(parse("registry.csv", utf8("รหัส อปท.,ชื่อ อปท.,อำเภอ\n1,2,3\n"))).rejects.toThrow("ไม่พบคอลัมน์ ประเภท, จังหวัด");
    await expect(parse("registry.csv", new Uint8Array())).rejects.toThrow("ไฟล์ว่างเปล่า");
    await expect(parse("registry.xlsx", utf8("PK not a zip"))).rejects.toThrow("อ่านไฟล์ Excel ไม่ได้");
  });
});

describe("registry values", () => {
  it("knows each type by its full name, abbreviation with or without dots, and code", () => {
    expect(["อบจ.", "ทน.", "ทม", "ทต.", "อบต", "องค์การบริหารส่วนตำบล", "เทศบาลนคร", "SAO"].map(parseOrganizationType)).toEqual([
      "PAO", "CITY_MUNICIPALITY", "TOWN_MUNICIPALITY", "SUBDISTRICT_MUNICIPALITY", "SAO", "SAO", "CITY_MUNICIPALITY", "SAO",
    ]);
    expect(parseOrganizationType("อบล.")).toBeNull();
  });

  it("reads DLA codes with Thai digits, spaces or a dropped leading zero", () => {
    expect(parseDlaCode("๐๔๗๕๐๑๐๒")).toBe("04750102");
    expect(parseDlaCode("0475 0102")).toBe("04750102");
    expect(parseDlaCode("4750102")).toBe("04750102");
    expect(parseDlaCode("475010")).toBeNull();
    expect(parseDlaCode("0475010X")).toBeNull();
  });
});

describe("password rules", () => {
  it("needs 10 characters, not the username, not a common password", () => {
    expect(passwordProblem("short", "somchai")).toBe("รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร");
    expect(passwordProblem("somchai2569!", "somchai")).toBe("รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้น");
    expect(passwordProblem("Password123", "somchai")).toMatch(/ใช้กันทั่วไป/);
    expect(passwordProblem("1234567890", "somchai")).toMatch(/ใช้กันทั่วไป/);
    expect(passwordProblem("ทะเลสาบสีคราม ๒๕๖๙", "somchai")).toBeNull();
  });
});
