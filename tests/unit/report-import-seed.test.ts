// The report importer on the seed (OCR text of อบต.ท้ายหาด's FY2568 report): the whole
// structure it reads, written out; its flags; and how it reads the same report as a Word file
// and as Prongsai's own memo PDF.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { thaihad2568 } from "@/prisma/seed/data/thaihad-2568";
import type { ReportContent } from "@/server/domain/report-content";
import { parseReportText } from "@/server/domain/report-import/parse";
import type { ParsedReport } from "@/server/domain/report-import/types";
import { renderReportPdf } from "@/server/services/exports/report-pdf";
import { importReportDocument } from "@/server/services/report-import/read-document";
import { levelRules, reportDataFor, reportDocx } from "../fixtures/report-import";

const seedText = fs.readFileSync("tests/fixtures/seed-report-thaihad-2568.txt", "utf8");

// Every row's period: "๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘" (or with "–"), the whole of FY2568.
const YEAR = { periodStart: "2024-10-01", periodEnd: "2025-09-30" };
const HYPHEN = "1 ตุลาคม 2567 - 30 กันยายน 2568";
const EN_DASH = "1 ตุลาคม 2567 – 30 กันยายน 2568";
const checked = (...texts: string[]) => texts.map((text) => ({ text, checked: true }));

const EXPECTED: ParsedReport = {
  header: {
    issuingSection: "สำนักปลัด องค์การบริหารส่วนตำบลท้ายหาด",
    issuingPhone: "0 3476 7225",
    documentCode: "สส 71501",
    documentNumber: "",
    documentNumberPending: true,
    memoDate: "2026-01-07",
    memoDateText: "7 มกราคม 2569",
    subject: "รายงานผลการดำเนินงานตามมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ 2568",
    addressee: "นายองค์การบริหารส่วนตำบลท้ายหาด",
    body: "ตามรายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินการของหน่วยงานภาครัฐ ประจำปีงบประมาณ 2567 องค์การบริหารส่วนตำบลท้ายหาด ได้ผลคะแนนเท่ากับร้อยละ 96.44 คะแนน ซึ่งถือว่ามีความคุณธรรมและความโปร่งใสในการดำเนินงาน ระดับ ผ่านดี แต่ยังมีข้อบกพร่อง และส่วนที่ยังต้องพัฒนาให้ดียิ่งขึ้น องค์การบริหารส่วนตำบลท้ายหาดจึงได้กำหนดมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ 2568 เพื่อนำมาตรการดังกล่าวไปสู่การปฏิบัติเป็นรูปธรรม\n\nบัดนี้ ผลการประเมินคุณธรรมและความโปร่งใส ในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. 2568 ขององค์การบริหารส่วนตำบลท้ายหาด ได้ผลคะแนนการประเมินร้อยละ 99.66 คะแนน ระดับ ผ่านดีเยี่ยม จึงขอรายงานผลการดำเนินงานตามมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ 2568 รายละเอียดเอกสารที่แนบมาพร้อมบันทึกข้อความฉบับนี้\n\nจึงเรียนมาเพื่อโปรดทราบ"
  },
  organization: {
    name: "องค์การบริหารส่วนตำบลท้ายหาด",
    annexName: "องค์การบริหารส่วนตำบลท่าหยาด",
    district: "เมืองสมุทรสงคราม",
    province: "สมุทรสงคราม"
  },
  fiscalYearBe: 2568,
  annexTitle: "รายงานผลการดำเนินการตามมาตรการขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. 2568",
  scores: [
    {
      yearBe: 2567,
      total: 96.44,
      level: "ผ่านดี",
      line: 20
    },
    {
      yearBe: 2568,
      total: 99.66,
      level: "ผ่านดีเยี่ยม",
      line: 26
    }
  ],
  signatures: [
    {
      role: "PREPARER",
      heading: null,
      comment: null,
      title: "นางสาว",
      name: "อาจารย์ เอรಾವัล",
      position: "นักทรัพยากรบุคคลชำนาญการ",
      actingPosition: null,
      line: 35
    },
    {
      role: "HEAD_OF_OFFICE",
      heading: "ความเห็นหัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล",
      comment: null,
      title: "นาง",
      name: "รุ่งฤดี ลิ้มสกุล",
      position: "หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบลท้ายหาด",
      actingPosition: null,
      line: 43
    },
    {
      role: "CHIEF_ADMINISTRATOR",
      heading: "ความเห็นปลัดองค์การบริหารส่วนตำบล",
      comment: null,
      title: "พ.จ.อ.",
      name: "อรุณ ภมร",
      position: "ปลัดองค์การบริหารส่วนตำบลท้ายหาด",
      actingPosition: null,
      line: 51
    },
    {
      role: "EXECUTIVE",
      heading: "ความเห็นนายกองค์การบริหารส่วนตำบล",
      comment: "รับทราบ เห็นควรเผยแพร่ลงเว็บไซต์หลัก อบต.ท้ายหาด ต่อไป",
      title: "พ.จ.อ.",
      name: "อรุณ ภมร",
      position: "ปลัดองค์การบริหารส่วนตำบลท้ายหาด",
      actingPosition: "ปฏิบัติหน้าที่นายกองค์การบริหารส่วนตำบลท้ายหาด",
      line: 61
    }
  ],
  issues: [
    {
      number: 1,
      title: "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ",
      measures: [
        {
          title: "จัดทำคู่มือ/แนวทางการปฏิบัติงานหรือการให้บริการที่กำหนดผู้รับผิดชอบขั้นตอนและระยะเวลาให้ชัดเจนและเผยแพร่คู่มือ/แนวทางการดังกล่าวให้ข้าราชการและเจ้าหน้าที่ทราบและยึดถือปฏิบัติสร้างระบบการประเมินประสิทธิภาพการให้บริการของผู้มาติดต่อรับบริการ ณ จุดให้บริการได้โดยง่ายรวมทั้งกำหนดมาตรการบริหารงานบุคคลและการพิจารณาให้คุณให้โทษตามหลักคุณธรรมและความสามารถ",
          steps: [
            "จัดทำคู่มือ/แนวทางการปฏิบัติงานหรือการให้บริการที่กำหนดผู้รับผิดชอบขั้นตอนและระยะเวลาให้ชัดเจน",
            "แจ้งเวียนให้บุคลากรภายในได้รับทราบ",
            "เผยแพร่จัดทำคู่มือ/แนวทางการปฏิบัติงานลงในช่องการติดต่อภายในหน่วยงานทุกช่องทาง ยกตัวอย่างเช่น เว็บไซต์หลักของ อบต. ,Facebook ,บอร์ดประชาสัมพันธ์"
          ],
          periodText: HYPHEN,
          ...YEAR,
          responsibleUnits: [
            "งานการเจ้าหน้าที่"
          ],
          resultItems: checked(
            "จัดทำแผนผังแสดงขั้นตอน/ระยะเวลาการให้บริการแก่ประชาชนตามภารกิจของหน่วยงาน",
            "จัดทำคู่มือหรือมาตรฐานการให้บริการ",
          ),
          outcomes: [
            "ประชาชนได้รับบริการตามระยะเวลาที่กำหนด",
            "การปฏิบัติงานของหน่วยงานมีประสิทธิภาพมากยิ่งขึ้น"
          ],
          line: 74
        },
        {
          title: "จัดประชุมพนักงานประจำเดือนเพื่อสร้างกระบวนการปรึกษาหารือระหว่างผู้บริหารและบุคลากรเพื่อร่วมกันทบทวนปัญหาและอุปสรรคในการปฏิบัติงานอย่างเป็นระบบ",
          steps: [
            "จัดประชุมเพื่อสร้างกระบวนการปฏิบัติงานอย่างเป็นระบบในหน่วยงาน",
            "นำปัญหาข้อเสนอนะที่แจ้งเวียนให้บุคลากรภายในได้รับทราบ"
          ],
          periodText: HYPHEN,
          ...YEAR,
          responsibleUnits: [
            "งานการเจ้าหน้าที่"
          ],
          resultItems: checked(
            "จัดประชุมพนักงานผู้บริหารประจำทุกเดือน",
          ),
          outcomes: [
            "ผู้บริหารรับรู้และทราบถึงปัญหาในการทำงาน",
            "พนักงานพูดคุยปรึกษาปัญหาและหาแนวทางแก้ไข",
            "ประสิทธิภาพในการทำงานเป็นไปในทิศทางที่ดีขึ้น"
          ],
          line: 75
        },
        {
          title: "ส่งเสริมให้ผู้รับบริการและประชาชนทั่วไป มีส่วนร่วมในการแสดงความคิดเห็นหรือให้คำแนะนำในการพัฒนาและปรับปรุงคุณภาพและมาตรฐานการให้บริการ",
          steps: [
            "จัดทำประชาคมตำบล เพื่อเปิดโอกาสให้ประชาชนเข้ามามีส่วนร่วมในการพัฒนาหมู่บ้าน",
            "จัดให้มีช่องทางแสดงความคิดเห็นของผู้รับบริการหรือประชาชนทั่วไป"
          ],
          periodText: EN_DASH,
          ...YEAR,
          responsibleUnits: [
            "ทุกส่วนราชการ"
          ],
          resultItems: checked(
            "จัดทำโครงการประชาคมหมู่บ้าน ให้ประชาชนเข้ามามีส่วนร่วมในการแสดงความคิดเห็นในการพัฒนาหมู่บ้าน/ตำบล",
            "เผยแพร่ผลการเปิดโอกาสให้บุคคลภายนอกเข้ามามีส่วนร่วมกับหน่วยงานให้ประชาชนรับทราบ",
          ),
          outcomes: [
            "ประชาชนมีส่วนร่วมในการดำเนินงานตามภารกิจของหน่วยงาน",
            "หน่วยงานดำเนินงานเป็นไปตามวัตถุประสงค์หลักของประชาชน",
            "การดำเนินงานของหน่วยงานมีประสิทธิภาพมากยิ่งขึ้น"
          ],
          line: 78
        }
      ],
      line: 71
    },
    {
      number: 2,
      title: "การให้บริการและระบบ E-Service",
      measures: [
        {
          title: "จัดทำช่องทางการติดต่อสอบถามข้อมูลให้มีลักษณะเป็นการสื่อสารสองทางและช่องทางการรับฟังความคิดเห็นของผู้มาติดต่อหรือผู้รับบริการ\nมีการพัฒนาเว็บไซต์ให้สามารถใช้งานได้อย่างมีประสิทธิภาพ\nมีการปรับปรุงข้อมูล ลงข้อมูลข่าวสารให้เป็นปัจจุบัน",
          steps: [
            "จัดทำช่องทางการสื่อสารให้สะดวกและตอบสนองความต้องการแก่ผู้มาใช้บริการ",
            "ตรวจสอบการใช้งานระบบให้มีประสิทธิภาพอยู่เสมอ",
            "ลงข้อมูล ข่าวสาร ให้ประชาชนรับรู้ทั่วถึงกัน ให้เป็นปัจจุบัน"
          ],
          periodText: EN_DASH,
          ...YEAR,
          responsibleUnits: [
            "ทุกส่วนราชการ"
          ],
          resultItems: checked(
            "จัดทำคู่มือหรือแนวทางการให้บริการแก่ประชาชน",
            "จัดทำกล่องรับฟังความคิดเห็น/สำรวจความพึงพอใจในการให้บริการ ณ จุดบริการ และ ผ่าน ช่องทางออนไลน์",
            "จัดทำสื่อประชาสัมพันธ์ ระบบการให้บริการ E-Service/ ขั้นตอนและระยะเวลาดำเนินการให้บริการ",
          ),
          outcomes: [
            "ประชาชนเข้าถึงการให้บริการผ่านช่องทาง E-Service มากยิ่งขึ้น",
            "หน่วยงานรับรู้ข้อเสนอแนะและข้อบกพร่องของประชาชนมากยิ่งขึ้น",
            "หน่วยงานสามารถนำข้อบกพร่องมาปรับปรุงวิธีการทำงานให้มีประสิทธิภาพมากยิ่งขึ้น"
          ],
          line: 83
        }
      ],
      line: 80
    },
    {
      number: 3,
      title: "ช่องทางและรูปแบบการประชาสัมพันธ์เผยแพร่ข้อมูลข่าวสารภาครัฐ",
      measures: [
        {
          title: "พัฒนารูปแบบการเข้าถึงช่องทางในการประชาสัมพันธ์ให้หลากหลายและมีประสิทธิภาพ (สะดวก/รวดเร็ว/ตอบสนองในแก้ไข) และส่งเสริมให้เจ้าหน้าที่ที่เกี่ยวข้องมีการเพิ่มพูนทักษะและความรู้เกี่ยวกับการปฏิบัติงานอย่างสม่ำเสมอ",
          steps: [
            "มีการพัฒนาสื่อประชาสัมพันธ์ผ่านช่องทางออนไลน์ในรูปแบบต่างๆ ที่ประชาชนสามารถเข้าถึงได้ง่ายและทำให้ข้อมูลเป็นปัจจุบัน",
            "พัฒนาและอบรมเจ้าหน้าที่ภายในหน่วยงานในการจัดทำสื่อ"
          ],
          periodText: EN_DASH,
          ...YEAR,
          responsibleUnits: [
            "ทุกส่วนราชการ"
          ],
          resultItems: checked(
            "ประชาสัมพันธ์เว็บไซต์ของหน่วยงานและช่องทางสื่อสังคมออนไลน์ให้กับผู้มาติดต่อ",
            "จัดทำช่องทางสอบถามที่สามารถตอบคำถามได้อย่างรวดเร็ว เช่น Messenger Live Chat Line",
            "มอบหมายผู้รับผิดชอบของแต่ละส่วนราชการ จัดทำข้อมูลข่าวสารที่ประชาชนหรือผู้มาติดต่อได้รับทราบข้อมูลข่าวสารให้เป็นปัจจุบันอยู่เสมอ",
          ),
          outcomes: [
            "ประชาชนรับทราบถึงการดำเนินงานตามภารกิจของหน่วยงานมากยิ่งขึ้น",
            "ประชาชนได้รับสอบถามข้อสงสัย และได้รับการตอบกลับได้อย่างรวดเร็ว"
          ],
          line: 88
        }
      ],
      line: 85
    },
    {
      number: 4,
      title: "กระบวนการกำกับดูแลการใช้ทรัพย์สินของราชการ",
      measures: [
        {
          title: "การสร้างความเข้าใจในการปฏิบัติตามขั้นตอนในการยืมทรัพย์สินของราชการไปปฏิบัติงาน",
          steps: [
            "จัดทำคู่มือขั้นตอนการยืมทรัพย์สินของราชการ",
            "ประชาสัมพันธ์/จัดทำสื่อ เพื่อสร้างความเข้าใจในขั้นตอนการยืมทรัพย์สินของราชการ"
          ],
          periodText: HYPHEN,
          ...YEAR,
          responsibleUnits: [
            "งานพัสดุ",
            "กองคลัง",
            "สำนักปลัด"
          ],
          resultItems: checked(
            "จัดทำคู่มือ/ชี้แจงขั้นตอน/แนวทางปฏิบัติในการขออนุญาตเพื่อยืมทรัพย์สินพร้อมทั้งจัดทำเป็นแผนผังติดประชาสัมพันธ์ในหน่วยงาน",
          ),
          outcomes: [
            "บุคลากรรู้ถึงวิธีการขั้นตอนในการยืมทรัพย์สินของทางราชการ"
          ],
          line: 93
        }
      ],
      line: 90
    },
    {
      number: 5,
      title: "กระบวนการสร้างความโปร่งใสในการใช้งบประมาณและการจัดซื้อจัดจ้าง",
      measures: [
        {
          title: "ประชาสัมพันธ์สร้างความรู้ความเข้าใจให้บุคลากรภายในหน่วยงานทราบโดยทั่วกันและเปิดโอกาสให้บุคลากรเข้าไปมีส่วนร่วมในกระบวนการจัดทำงบประมาณ\nจัดทำรายงานผลการจัดซื้อจัดจ้างให้เป็นปัจจุบัน\nจัดให้มีการเปิดเผยข้อมูลสร้างการรับรู้แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ แผนการใช้จ่ายงบประมาณ รวมถึงการเบิกจ่ายงบประมาณอย่างเปิดเผยและพร้อมรับการตรวจสอบทุกภาคส่วน ตลอดจนการจัดทำรายงานผลอย่างสม่ำเสมอ",
          steps: [
            "จัดประชุมชี้แจงข้อมูลการใช้จ่ายงบประมาณ แผนการจัดซื้อจัดจ้าง",
            "รายงานผลการจัดซื้อจัดจ้างหรือจัดหาพัสดุให้ผู้บริหารทราบทุกเดือน สม่ำเสมอ",
            "ประกาศเผยแพร่แผนและผลการจัดซื้อจัดจ้างหรือแผนจัดหาพัสดุทางเว็บไซต์หน่วยงาน"
          ],
          periodText: HYPHEN,
          ...YEAR,
          responsibleUnits: [
            "งานพัสดุ",
            "กองคลัง",
            "สำนักปลัด"
          ],
          resultItems: checked(
            "ประชุมชี้แจงการใช้จ่ายงบประมาณ หรือการดำเนินงานต่างๆของหน่วยงาน ในที่ประชุมประจำเดือนให้บุคลากรทราบ",
            "จัดทำรายงานผลการใช้จ่ายงบประมาณ การกำกับติดตามทุกเดือน",
          ),
          outcomes: [
            "บุคลากรรู้ถึงการใช้จ่ายงบประมาณของหน่วยงานมากขึ้น",
            "บุคลากรรู้ถึงแผนการใช้จ่ายงบประมาณของหน่วยงาน"
          ],
          line: 98
        }
      ],
      line: 95
    },
    {
      number: 6,
      title: "กระบวนการควบคุม ตรวจสอบการใช้อำนาจและการบริหารงานบุคคล",
      measures: [
        {
          title: "ประชาสัมพันธ์ให้บุคลากรทราบถึงข้อมูลรายละเอียดของตำแหน่ง\nจัดทำประกาศหลักเกณฑ์การประเมินผลการปฏิบัติงาน และประกาศหลักเกณฑ์การเลื่อนเงินเดือน",
          steps: [
            "จัดทำและดำเนินการตามนโยบายหรือแผนการบริหารทรัพยากรบุคคล เช่นการสรรหา และบรรจุแต่งตั้งข้าราชการแทนตำแหน่งว่าง การปรับปรุงการกำหนดตำแหน่งการทบทวนภารกิจ รวมถึงการดำเนินการตามแผนพัฒนาบุคลากรและหลักเกณฑ์การส่วนบุคลากรเข้ารับการอบรม",
            "กำหนดหลักเกณฑ์การประเมินผลการปฏิบัติงานรายบุคคลที่เชื่อมโยงกับผลการปฏิบัติงานขององค์กร",
            "แจ้งเวียนให้บุคลากรทราบข้อมูลรายละเอียดของตำแหน่งและหลักเกณฑ์การประเมินและหลักเกณฑ์การเลื่อนเงินเดือน"
          ],
          periodText: EN_DASH,
          ...YEAR,
          responsibleUnits: [
            "งานการเจ้าหน้าที่"
          ],
          resultItems: checked(
            "จัดทำแผนการบริหารทรัพยากรบุคคล และแผนพัฒนาบุคลากร",
            "จัดทำประกาศหลักเกณฑ์การประเมินผลการปฏิบัติงานและการเลื่อนเงินเดือน",
            "เผยแพร่ประชาสัมพันธ์ให้บุคลากรทราบโดยทั่วกัน",
          ),
          outcomes: [
            "บุคลากรในหน่วยงานปฏิบัติตามหลักเกณฑ์",
            "บุคลากรได้รับการพัฒนาอย่างมีประสิทธิภาพ"
          ],
          line: 103
        }
      ],
      line: 100
    },
    {
      number: 7,
      title: "กลไกและมาตรการในการแก้ไขและป้องกันการทุจริตภายในหน่วยงาน",
      measures: [
        {
          title: "จัดทำมาตรการป้องกันและมีระบบการติดตามตรวจสอบพฤติกรรมการทุจริตอย่างชัดเจน และเปิดเผยรวมทั้งนำผลการประเมิน ITA ไปปรับปรุงการทำงาน\nจัดทำข้อมูล กิจกรรม/โครงการ ให้ครบถ้วนและสอดคล้องตามมาตรการ\nจัดทำมาตรการดำเนินการจัดการความเสี่ยงทุจริตประจำปี\nจัดให้มีการแต่งตั้งคณะกรรมการขับเคลื่อนเรื่องจริยธรรม\nจัดกิจกรรม/โครงการฝึกอบรม สอดแทรกสาระด้านจริยธรรมของเจ้าหน้าที่ของรัฐ",
          steps: [
            "ทำการวิเคราะห์และประเมินความเสี่ยงการทุจริตพร้อมกำหนดมาตรการป้องกันการทุจริต ภายในหน่วยงานพร้อมเผยแพร่ให้บุคลากรภายในรับทราบและถือเป็นแนวปฏิบัติ",
            "นำผลการวิเคราะห์ ITA ปรับปรุงการปฏิบัติงานให้มีประสิทธิภาพยิ่งขึ้น",
            "แต่งตั้งคณะกรรมการขับเคลื่อนเรื่องจริยธรรม และจัดทำมาตรฐานทางจริยธรรม",
            "จัดทำแนวทาง Dos & Don'ts และเผยแพร่ให้บุคลากรภายในรับทราบ และถือเป็นแนวปฏิบัติ",
            "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
            "การสร้างวัฒนธรรมในองค์กรให้ตระหนักรู้เกี่ยวกับการงดรับสินบน หรือของกำนัลทุกชนิด",
            "จัดกิจกรรมวันต่อต้านทุจริตประจำปี"
          ],
          periodText: HYPHEN,
          ...YEAR,
          responsibleUnits: [
            "งานเจ้าหน้าที่"
          ],
          resultItems: checked(
            "ทำการวิเคราะห์และประเมินความเสี่ยงการทุจริตพร้อมกำหนดมาตรการป้องกันการทุจริต ภายในหน่วยงานพร้อมเผยแพร่ให้บุคลากรภายในรับทราบและถือเป็นแนวปฏิบัติ",
            "นำผลการวิเคราะห์ ITA ปรับปรุงการปฏิบัติงานให้มีประสิทธิภาพยิ่งขึ้น",
            "แต่งตั้งคณะกรรมการขับเคลื่อนเรื่องจริยธรรม และจัดทำมาตรฐานทางจริยธรรม",
            "จัดทำแนวทาง Dos & Don'ts และเผยแพร่ให้บุคลากรภายในรับทราบและถือเป็นแนวปฏิบัติ",
            "ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่",
            "สร้างวัฒนธรรมในองค์กรให้ตระหนักรู้เกี่ยวกับการงดรับสินบน หรือของกำนัลทุกชนิด",
            "จัดกิจกรรมวันต่อต้านทุจริตประจำปี",
          ),
          outcomes: [
            "การดำเนินงานของหน่วยงาน มีประสิทธิภาพและป้องกันการทุจริตได้อย่างดี"
          ],
          line: 108
        }
      ],
      line: 105
    }
  ],
  unplaced: [
    {
      text: "รายละเอียดขั้นตอนการดำเนินการ",
      line: 74,
      reason: "หัวข้อย่อยในช่องตาราง"
    }
  ],
  flags: [
    {
      code: "MISSPELLING",
      message: "\"นายองค์การ\" น่าจะสะกดผิด: ควรเป็น \"นายกองค์การ\" หรือไม่",
      line: 16,
      column: 7,
      text: "นายองค์การ",
      suggestion: "นายกองค์การ"
    },
    {
      code: "FOREIGN_SCRIPT",
      message: "มีอักษรของภาษาอื่น (อักษรกันนาดา) ปนในคำ: อาจอ่านผิดจากการสแกน",
      line: 35,
      column: 19,
      text: "เอรಾವัล"
    },
    {
      code: "ORGANIZATION_NAME_VARIANT",
      message: "ชื่อหน่วยงานสะกดต่างจากที่อื่นในเอกสาร (\"ท้ายหาด\")",
      line: 69,
      column: 1,
      text: "องค์การบริหารส่วนตำบลท่าหยาด",
      suggestion: "องค์การบริหารส่วนตำบลท้ายหาด"
    },
    {
      code: "LIST_SPLIT_GUESSED",
      message: "รายการในช่องนี้ไม่มีเครื่องหมายแบ่ง จึงแบ่งเป็น 3 รายการตามช่องว่าง: โปรดตรวจ",
      line: 74,
      column: 360,
      text: "จัดทำคู่มือ/แนวทางการปฏิบัติงานหรือการให้บริการที่กำหนดผู้รับผิดชอบขั้นตอนและระย"
    },
    {
      code: "LIST_SPLIT_GUESSED",
      message: "รายการในช่องนี้ไม่มีเครื่องหมายแบ่ง จึงแบ่งเป็น 2 รายการตามช่องว่าง: โปรดตรวจ",
      line: 74,
      column: 967,
      text: "ประชาชนได้รับบริการตามระยะเวลาที่กำหนด"
    },
    {
      code: "LIST_SPLIT_GUESSED",
      message: "รายการในช่องนี้ไม่มีเครื่องหมายแบ่ง จึงแบ่งเป็น 2 รายการตามช่องว่าง: โปรดตรวจ",
      line: 75,
      column: 153,
      text: "จัดประชุมเพื่อสร้างกระบวนการปฏิบัติงานอย่างเป็นระบบในหน่วยงาน"
    },
    {
      code: "MISSPELLING",
      message: "\"ข้อเสนอนะ\" น่าจะสะกดผิด: ควรเป็น \"ข้อเสนอแนะ\" หรือไม่",
      line: 75,
      column: 257,
      text: "ข้อเสนอนะ",
      suggestion: "ข้อเสนอแนะ"
    },
    {
      code: "LIST_SPLIT_GUESSED",
      message: "รายการในช่องนี้ไม่มีเครื่องหมายแบ่ง จึงแบ่งเป็น 3 รายการตามช่องว่าง: โปรดตรวจ",
      line: 75,
      column: 451,
      text: "ผู้บริหารรับรู้และทราบถึงปัญหาในการทำงาน"
    },
    {
      code: "LIST_SPLIT_GUESSED",
      message: "รายการในช่องนี้ไม่มีเครื่องหมายแบ่ง จึงแบ่งเป็น 2 รายการตามช่องว่าง: โปรดตรวจ",
      line: 78,
      column: 137,
      text: "จัดทำประชาคมตำบล เพื่อเปิดโอกาสให้ประชาชนเข้ามามีส่วนร่วมในการพัฒนาหมู่บ้าน"
    },
    {
      code: "LIST_SPLIT_GUESSED",
      message: "รายการในช่องนี้ไม่มีเครื่องหมายแบ่ง จึงแบ่งเป็น 3 รายการตามช่องว่าง: โปรดตรวจ",
      line: 78,
      column: 608,
      text: "ประชาชนมีส่วนร่วมในการดำเนินงานตามภารกิจของหน่วยงาน"
    },
    {
      code: "LIST_SPLIT_GUESSED",
      message: "รายการในช่องนี้ไม่มีเครื่องหมายแบ่ง จึงแบ่งเป็น 3 รายการตามช่องว่าง: โปรดตรวจ",
      line: 83,
      column: 1,
      text: "จัดทำช่องทางการติดต่อสอบถามข้อมูลให้มีลักษณะเป็นการสื่อสารสองทางและช่องทางการรับ"
    },
    {
      code: "LIST_SPLIT_GUESSED",
      message: "รายการในช่องนี้ไม่มีเครื่องหมายแบ่ง จึงแบ่งเป็น 3 รายการตามช่องว่าง: โปรดตรวจ",
      line: 83,
      column: 268,
      text: "จัดทำช่องทางการสื่อสารให้สะดวกและตอบสนองความต้องการแก่ผู้มาใช้บริการ"
    },
    {
      code: "LIST_SPLIT_GUESSED",
      message: "รายการในช่องนี้ไม่มีเครื่องหมายแบ่ง จึงแบ่งเป็น 3 รายการตามช่องว่าง: โปรดตรวจ",
      line: 83,
      column: 859,
      text: "ประชาชนเข้าถึงการให้บริการผ่านช่องทาง E-Service มากยิ่งขึ้น"
    },
    {
      code: "MISSPELLING",
      message: "\"การส่วนบุคลากร\" น่าจะสะกดผิด: ควรเป็น \"การส่งบุคลากร\" หรือไม่",
      line: 103,
      column: 362,
      text: "การส่วนบุคลากร",
      suggestion: "การส่งบุคลากร"
    }
  ],
  layoutLines: [
    5,
    33,
    41,
    73,
    77,
    82,
    87,
    92,
    97,
    102,
    107
  ]
};

describe("report importer on the seed", () => {
  it("reads the memo, both scores, four signatures, seven issues and every measure, as written", () => {
    expect(parseReportText(seedText, { levelRules })).toEqual(EXPECTED);
  });

  it("reads what the demo seed typed in, apart from the spots it flags", () => {
    const report = parseReportText(seedText, { levelRules });
    // The demo seed corrected these five readings; the importer flags them instead.
    const corrected = JSON.parse(
      JSON.stringify(report.issues)
        .replace("ข้อเสนอนะ", "ข้อเสนอแนะ")
        .replace("การส่วนบุคลากร", "การส่งบุคลากร"),
    ) as ParsedReport["issues"];
    expect(corrected.map((issue) => issue.title)).toEqual(thaihad2568.issues.map((issue) => issue.title));
    corrected.forEach((issue, index) =>
      expect(issue.measures.map(({ title, steps, periodStart, periodEnd, responsibleUnits, resultItems, outcomes }) => ({ title, steps, periodStart, periodEnd, responsibleUnits, resultItems, outcomes }))).toEqual(
        thaihad2568.issues[index]!.measures,
      ),
    );
    expect(report.header).toEqual({ ...thaihad2568.memo, memoDateText: "7 มกราคม 2569", addressee: "นายองค์การบริหารส่วนตำบลท้ายหาด", preparerTitle: undefined, preparerName: undefined, preparerPosition: undefined, documentNumber: "", documentNumberPending: true });
    expect(report.scores.map(({ yearBe, total, level }) => ({ yearBe, total, announcedLevel: level }))).toEqual(thaihad2568.itaResults);
    const flagged = report.flags.filter((flag) => flag.code !== "LIST_SPLIT_GUESSED").map((flag) => [flag.text, flag.suggestion]);
    expect(flagged).toEqual([
      ["นายองค์การ", "นายกองค์การ"],
      ["เอรಾವัล", undefined],
      ["องค์การบริหารส่วนตำบลท่าหยาด", "องค์การบริหารส่วนตำบลท้ายหาด"],
      ["ข้อเสนอนะ", "ข้อเสนอแนะ"],
      ["การส่วนบุคลากร", "การส่งบุคลากร"],
    ]);
  });
});

/** What a report says, without where in its text each piece stood (that differs by format). */
function structure(report: ParsedReport) {
  const { layoutLines: _layout, unplaced: _unplaced, ...rest } = report;
  return JSON.parse(
    JSON.stringify({ ...rest, flags: report.flags.filter((flag) => flag.code !== "LIST_SPLIT_GUESSED") }, (key, value: unknown) =>
      key === "line" || key === "column" ? undefined : value,
    ),
  ) as unknown;
}

/** The demo seed's typed-in report as the content of a report, with ids. */
export function thaihadContent(): ReportContent {
  let id = 0;
  const nextId = () => `seed-${String((id += 1)).padStart(4, "0")}`;
  const { memo } = thaihad2568;
  return {
    header: {
      issuingSection: memo.issuingSection,
      issuingPhone: memo.issuingPhone,
      documentCode: memo.documentCode,
      documentNumber: "",
      documentNumberPending: true, // "ที่ สส ๗๑๕๐๑/-"
      memoDate: memo.memoDate,
      subject: memo.subject,
      addressee: memo.addressee,
      body: memo.body,
    },
    issues: thaihad2568.issues.map((issue) => ({
      id: nextId(),
      title: issue.title,
      indicatorNumbers: issue.indicatorNumbers,
      suggestedIssueId: null,
      measures: issue.measures.map((measure) => ({
        id: nextId(),
        ...measure,
        resultItems: measure.resultItems.map((item) => ({ ...item, standardItemId: null })),
        evidenceLinks: [],
      })),
    })),
  };
}

// Rendering and reading a PDF or a Word file takes seconds on a busy machine.
describe("the report in other formats", { timeout: 60_000 }, () => {
  it("reads a Word file of the seed's report as the seed, its list items now marked", async () => {
    const seed = parseReportText(seedText, { levelRules });
    const result = await importReportDocument(await reportDocx(seed), { levelRules });
    if (!result.ok) throw new Error(result.error);
    expect(result.format).toBe("docx");
    expect(structure(result.report)).toEqual(structure(seed));
    expect(result.report.flags.filter((flag) => flag.code === "LIST_SPLIT_GUESSED")).toEqual([]);
  });

  it.each(["thai", "arabic"] as const)("reads Prongsai's memo PDF (%s digits) back to the report it was made from", async (digits) => {
    const [head, palad, executive] = thaihad2568.signOffs;
    const person = (signOff: typeof head) => ({ title: signOff!.signerTitle, name: signOff!.signerName, position: signOff!.signerPosition, actingPosition: signOff!.actingPosition, comment: signOff!.comment });
    const pdf = await renderReportPdf(
      reportDataFor({
        content: thaihadContent(),
        yearBe: 2568,
        organization: { nameTh: thaihad2568.organizationNameTh, districtNameTh: "เมืองสมุทรสงคราม", provinceNameTh: "สมุทรสงคราม" },
        preparer: { title: thaihad2568.memo.preparerTitle, name: thaihad2568.memo.preparerName, position: thaihad2568.memo.preparerPosition },
        endorsements: [
          { step: "HEAD_OF_OFFICE", ...person(head) },
          { step: "CHIEF_ADMINISTRATOR", ...person(palad) },
          { step: "EXECUTIVE", ...person(executive) },
        ],
      }),
      { digits },
    );
    const result = await importReportDocument(pdf, { levelRules });
    if (!result.ok) throw new Error(result.error);
    expect(result.format).toBe("pdf");
    const { report } = result;
    expect(report.header).toEqual({ ...thaihadContent().header, memoDateText: "7 มกราคม 2569" });
    expect(report.issues.map((issue) => issue.title)).toEqual(thaihad2568.issues.map((issue) => issue.title));
    report.issues.forEach((issue, index) =>
      expect(issue.measures.map(({ title, steps, periodStart, periodEnd, responsibleUnits, resultItems, outcomes }) => ({ title, steps, periodStart, periodEnd, responsibleUnits, resultItems, outcomes }))).toEqual(
        thaihad2568.issues[index]!.measures,
      ),
    );
    expect(report.scores.map(({ yearBe, total, level }) => ({ yearBe, total, announcedLevel: level }))).toEqual(thaihad2568.itaResults);
    expect(report.signatures.map(({ role, title, name, position, actingPosition, comment }) => ({ role, title, name, position, actingPosition, comment }))).toEqual([
      { role: "PREPARER", title: "นางสาว", name: "อาจารย์ เอราวัล", position: thaihad2568.memo.preparerPosition, actingPosition: null, comment: null },
      ...thaihad2568.signOffs.map((signOff) => ({
        role: signOff.step,
        title: signOff.signerTitle,
        name: signOff.signerName,
        position: signOff.signerPosition,
        actingPosition: signOff.actingPosition,
        comment: signOff.comment,
      })),
    ]);
    expect(report.organization).toEqual({ name: thaihad2568.organizationNameTh, annexName: thaihad2568.organizationNameTh, district: "เมืองสมุทรสงคราม", province: "สมุทรสงคราม" });
    expect(report.fiscalYearBe).toBe(2568);
    expect(report.flags).toEqual([]);
    expect(report.unplaced).toEqual([]);
  });
});
