import type { Metadata } from "next";
import { AccountAdmin } from "@/components/admin/account-admin";
import { AdminNav } from "@/components/admin/admin-nav";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "บัญชีผู้ใช้" };

export default async function AccountsPage() {
  const caller = await getServerCaller();
  await callOrRedirect(() => caller.admin.users({ pageSize: 1 }));
  return (
    <>
      <PageTitle title="บัญชีผู้ใช้" subtitle="สร้าง แก้ไข ระงับ มอบและถอนบทบาท นำเข้าจากไฟล์ และออกลิงก์ตั้งรหัสผ่าน" />
      <AdminNav current="accounts" />
      <AccountAdmin />
    </>
  );
}
