import type { Metadata } from "next";
import { ScoreImportPanel } from "@/components/scores/score-import-panel";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "นำเข้าคะแนน ITA" };

export default async function ScoreImportPage() {
  const caller = await getServerCaller();
  await callOrRedirect(() => caller.me.get());
  return (
    <>
      <PageTitle
        title="นำเข้าคะแนน ITA ที่ประกาศ"
        subtitle="ไฟล์ CSV หรือ XLSX หนึ่งแถวต่อหน่วยงานต่อปี: รหัส อปท. หรือชื่อหน่วยงาน, ปีงบประมาณ, คะแนน ITA และ IIT EIT OIT ระดับ (ถ้ามี) ระบบตรวจก่อนโดยยังไม่บันทึก แล้วจึงยืนยัน"
      />
      <ScoreImportPanel />
    </>
  );
}
