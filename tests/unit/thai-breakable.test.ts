// Thai word boundaries for line breaking (Intl.Segmenter's ICU dictionary) and digit styles.
import { describe, expect, it } from "vitest";
import { createPdf, finishPdf, textWidth, wrapText, type TextStyle } from "@/server/services/exports/pdf-layout";
import { localDigits, thaiBreakable, ZERO_WIDTH_SPACE } from "@/server/services/exports/thai-text";
import { pdfToText } from "@/server/services/report-import/pdf-text";

const pieces = (text: string) => thaiBreakable(text).split(ZERO_WIDTH_SPACE);

describe("thaiBreakable", () => {
  it("only adds break marks: without them the text is the input", () => {
    for (const text of ["ผู้รับผิดชอบ", "น้ำท่วม ที่ดิน", "รายงานผลการดำเนินงาน ประจำปีงบประมาณ 2568", "", "E-Service"]) {
      expect(thaiBreakable(text).replaceAll(ZERO_WIDTH_SPACE, "")).toBe(text);
    }
  });

  it("gives a long Thai sentence a break opportunity between its words", () => {
    expect(pieces("ตามรายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส")).toEqual([
      "ตาม", "รายงานการ", "วิเคราะห์", "ผล", "การ", "ประเมิน", "คุณธรรม", "และ", "ความ", "โปร่งใส",
    ]);
  });

  it("never separates a letter from its vowels and tone marks", () => {
    for (const piece of pieces("ผู้รับผิดชอบน้ำท่วมที่ดินปั้นญี่ปุ่น")) {
      expect(piece).not.toMatch(/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0E33]/u);
    }
  });

  it("never breaks inside a compound, as a Thai typesetter would", () => {
    // ICU alone splits each of these into its parts (หน่วย|งาน, งบ|ประมาณ, รับ|ผิด|ชอบ, ร้อย|ละ).
    expect(pieces("หน่วยงานที่รับผิดชอบใช้งบประมาณร้อยละ")).toEqual(["หน่วยงาน", "ที่", "รับผิดชอบ", "ใช้", "งบประมาณ", "ร้อยละ"]);
    expect(pieces("ผู้รับผิดชอบ")).toEqual(["ผู้รับผิดชอบ"]);
    expect(pieces("เจ้าหน้าที่ประชาสัมพันธ์ให้ประชาชนมีส่วนร่วม")).toEqual(["เจ้าหน้าที่", "ประชาสัมพันธ์", "ให้", "ประชาชน", "มี", "ส่วนร่วม"]);
    expect(pieces("น้ำ")).toEqual(["น้ำ"]);
  });

  it("keeps repetition and abbreviation marks with their word", () => {
    expect(pieces("ต่างๆ")).toEqual(["ต่างๆ"]);
    expect(pieces("กรุงเทพฯ")).toEqual(["กรุงเทพฯ"]);
  });

  it("leaves Latin text, numbers and the boundaries next to them alone", () => {
    expect(thaiBreakable("Latin text, with 2 numbers: 96.44!")).toBe("Latin text, with 2 numbers: 96.44!");
    expect(pieces("ผ่าน Facebook และ Line")).toEqual(["ผ่าน Facebook และ Line"]);
    expect(thaiBreakable("ร้อยละ 96.44")).not.toMatch(/\u200B[\s\d]|[\s\d]\u200B/u);
  });

  it("is idempotent", () => {
    const once = thaiBreakable("องค์การบริหารส่วนตำบลท้ายหาด");
    expect(thaiBreakable(once)).toBe(once);
  });
});

describe("localDigits", () => {
  it("prints every digit in the document's style", () => {
    expect(localDigits("สส 71501/ ๒๕๖๘", "thai")).toBe("สส ๗๑๕๐๑/ ๒๕๖๘");
    expect(localDigits("สส 71501/ ๒๕๖๘", "arabic")).toBe("สส 71501/ 2568");
    expect(localDigits("ไม่มีตัวเลข", "thai")).toBe("ไม่มีตัวเลข");
  });
});

describe("wrapText", () => {
  const doc = createPdf({ title: "test", author: "test" });
  const style: TextStyle = { font: "regular", size: 11.2 };
  const marks = /^[\u0E31\u0E33-\u0E3A\u0E47-\u0E4E]/u;

  it("breaks a Thai paragraph only between words, within the width, without U+200B", () => {
    const text = "ตามรายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินการของหน่วยงานภาครัฐ ประจำปีงบประมาณ ๒๕๖๗ ผู้รับผิดชอบน้ำท่วม";
    const boundaries = new Set<number>();
    let offset = 0;
    for (const char of thaiBreakable(text)) {
      if (char === ZERO_WIDTH_SPACE) boundaries.add(offset);
      else offset += char.length;
    }
    const lines = wrapText(doc, text, style, 110);
    expect(lines.length).toBeGreaterThan(3);
    let position = 0;
    for (const line of lines) {
      expect(line).not.toContain(ZERO_WIDTH_SPACE);
      expect(textWidth(doc, line, style)).toBeLessThanOrEqual(110.5);
      expect(text.startsWith(line, position), `line "${line}" continues the text`).toBe(true);
      position += line.length;
      const atSpace = text[position] === " ";
      while (text[position] === " ") position++;
      if (position < text.length) expect(atSpace || boundaries.has(position), `break before "${text.slice(position, position + 8)}"`).toBe(true);
    }
    expect(position).toBe(text.length);
  });

  it("cuts a word longer than a line between letters, never between a letter and its marks", () => {
    const lines = wrapText(doc, "ประสิทธิภาพผู้รับผิดชอบน้ำ", style, 25);
    expect(lines.join("")).toBe("ประสิทธิภาพผู้รับผิดชอบน้ำ");
    for (const line of lines) expect(line).not.toMatch(marks);
  });

  it("keeps forced line breaks and no-break spaces", () => {
    expect(wrapText(doc, "บรรทัดแรก\nบรรทัดสอง", style, 500)).toEqual(["บรรทัดแรก", "บรรทัดสอง"]);
    const date = "๓๐\u00A0กันยายน\u00A0๒๕๖๘";
    expect(wrapText(doc, `ก ${date}`, style, textWidth(doc, date, style) + 1)).toEqual(["ก", date]);
  });
});

describe("the PDF's text layer", () => {
  it("gives every ำ back as itself, with or without a tone mark, and every า as า", async () => {
    const doc = createPdf({ title: "test", author: "test" });
    doc.addPage({ size: "A4", margin: 0 });
    const text = "น้ำ สม่ำเสมอ กำหนด ค่ำ ทำ า ผ่าน";
    doc.font("regular").fontSize(14).text(text, 20, 20, { lineBreak: false });
    doc.font("bold").fontSize(14).text(text, 20, 60, { lineBreak: false });
    const { text: read } = await pdfToText(await finishPdf(doc));
    expect(read.split("\n").filter(Boolean)).toEqual([text, text]);
  }, 30_000);

  it("never ends a line at a space between Thai words, so a reader can tell where spaces were", () => {
    const doc = createPdf({ title: "test", author: "test" });
    const style: TextStyle = { font: "regular", size: 11.2 };
    const text = "จัดทำประชาคมตำบล เพื่อเปิดโอกาสให้ประชาชนเข้ามามีส่วนร่วม ในการพัฒนาหมู่บ้าน ผ่านช่องทาง E-Service ปี ๒๕๖๘";
    for (const width of [60, 90, 140, 200]) {
      const lines = wrapText(doc, text, style, width);
      expect(lines.length).toBeGreaterThan(2);
      let position = 0;
      for (const [index, line] of lines.entries()) {
        expect(text.startsWith(line, position)).toBe(true);
        position += line.length;
        const spaceAtBreak = text[position] === " ";
        while (text[position] === " ") position += 1;
        const thaiBothSides = /[\u0E01-\u0E4F]$/u.test(line) && /^[\u0E01-\u0E4F]/u.test(lines[index + 1] ?? "");
        expect(spaceAtBreak && thaiBothSides, `break after "${line}"`).toBe(false);
      }
      expect(position).toBe(text.length);
    }
  });
});
