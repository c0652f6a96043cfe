import { PageTitle } from "@/components/ui/page-title";

export default function NoAccessPage() {
  return (
    <PageTitle
      title="บัญชีนี้ยังไม่มีบทบาทในระบบ"
      subtitle="กรุณาติดต่อผู้ดูแลระบบเพื่อกำหนดหน่วยงานและบทบาทของท่าน"
    />
  );
}
