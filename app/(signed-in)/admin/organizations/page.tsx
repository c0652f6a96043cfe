import type { Metadata } from "next";
import { RegistryAdmin } from "@/components/admin/registry-admin";
import { AdminNav } from "@/components/admin/admin-nav";
import { PageTitle } from "@/components/ui/page-title";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "ทะเบียน อปท." };

export default async function RegistryPage() {
  const caller = await getServerCaller();
  await callOrRedirect(() => caller.registry.areas());
  return (
    <>
      <PageTitle title="ทะเบียนจังหวัด อำเภอ และ อปท." subtitle="นำเข้าจากไฟล์ทะเบียนของ สถ. หรือแก้ไขทีละรายการ" />
      <AdminNav current="organizations" />
      <RegistryAdmin />
    </>
  );
}
