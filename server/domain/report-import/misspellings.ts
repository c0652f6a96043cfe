// Misspellings of common words in these reports, as they turn up in OCR and typing, with the
// word meant. Data, not rules: add pairs as they are met. A wrong form must not occur inside
// any correct word (a unit test checks the pairs against each other).
export const COMMON_MISSPELLINGS: { wrong: string; right: string }[] = [
  { wrong: "ข้อเสนอนะ", right: "ข้อเสนอแนะ" },
  { wrong: "นายองค์การ", right: "นายกองค์การ" },
  { wrong: "การส่วนบุคลากร", right: "การส่งบุคลากร" },
  { wrong: "ปฎิบัติ", right: "ปฏิบัติ" },
  { wrong: "อนุญาติ", right: "อนุญาต" },
  { wrong: "โปร่งไส", right: "โปร่งใส" },
  { wrong: "งบประมาน", right: "งบประมาณ" },
  { wrong: "ทุจริด", right: "ทุจริต" },
  { wrong: "สัมนา", right: "สัมมนา" },
  { wrong: "ผลลัพท์", right: "ผลลัพธ์" },
  { wrong: "ประสิทธภาพ", right: "ประสิทธิภาพ" },
  { wrong: "บุคคลากร", right: "บุคลากร" },
  { wrong: "คุณธรม", right: "คุณธรรม" },
];
