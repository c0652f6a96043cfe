import { formatInteger } from "@/server/domain/thai-format";

/** What the numbers are over: the organisations counted, the reports counted, and invented data. */
export function CountedNote({
  scope,
}: {
  scope: { organizations: number; reports: number; includeUnaccepted: boolean; containsInventedData: boolean };
}) {
  return (
    <>
      <p className="mb-4 text-sm text-slate-700" data-testid="counted-note">
        นับจากองค์กร {formatInteger(scope.organizations)} แห่ง มีรายงานที่นับ {formatInteger(scope.reports)} ฉบับ (
        {scope.includeUnaccepted ? "รายงานที่ส่งจังหวัดแล้ว ทั้งที่รับรายงานแล้วและยังไม่ได้รับรอง" : "เฉพาะรายงานที่รับรายงานแล้ว"}{" "}
        ไม่นับฉบับร่าง)
      </p>
      {scope.containsInventedData && (
        <p className="mb-4 rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="invented-data-note">
          ข้อมูลนี้มีข้อมูลสาธิตหรือข้อมูลสังเคราะห์ปนอยู่ ไม่ใช่ข้อมูลจริงทั้งหมด
        </p>
      )}
    </>
  );
}
