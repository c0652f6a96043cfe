import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/set-password-form";
import { PageTitle } from "@/components/ui/page-title";

export const metadata: Metadata = { title: "เปลี่ยนรหัสผ่าน" };

export default function ChangePasswordPage() {
  return (
    <>
      <PageTitle title="เปลี่ยนรหัสผ่าน" />
      <ChangePasswordForm />
    </>
  );
}
