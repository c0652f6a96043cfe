"use client";

import { ProblemPage } from "@/components/ui/problem-page";

// Next shows this in place of a page whose rendering failed; the server has logged the error
// with its digest, which the user can quote to the administrator.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ProblemPage
      code="500"
      title="ระบบขัดข้องชั่วคราว"
      detail={`ขออภัย หน้านี้แสดงไม่ได้ในขณะนี้ กรุณาลองอีกครั้ง หากยังไม่ได้ โปรดแจ้งผู้ดูแลระบบ${error.digest ? ` พร้อมรหัสอ้างอิง ${error.digest}` : ""}`}
    >
      <button type="button" onClick={reset} className="rounded-md border border-teal-700 px-4 py-2 font-semibold text-teal-800 hover:bg-teal-50">
        ลองอีกครั้ง
      </button>
    </ProblemPage>
  );
}
