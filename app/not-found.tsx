import type { Metadata } from "next";
import { ProblemPage } from "@/components/ui/problem-page";

export const metadata: Metadata = { title: "ไม่พบหน้าที่ต้องการ" };

// A foreign id answers as a missing one (the tenancy rule), so this page also stands for "not yours".
export default function NotFound() {
  return (
    <ProblemPage
      code="404"
      title="ไม่พบหน้าที่ต้องการ"
      detail="หน้านี้อาจถูกย้ายหรือลบไปแล้ว ลิงก์อาจพิมพ์ไม่ครบ หรือบัญชีของท่านไม่มีสิทธิ์เปิดหน้านี้"
    />
  );
}
