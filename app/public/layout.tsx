import Link from "next/link";

/** The public pages: no sign-in, no account menu. */
export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="min-h-screen">
      <header className="bg-teal-800 text-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-2 px-4 py-3">
          <span className="text-lg font-bold">โปร่งใส · ข้อมูลเผยแพร่</span>
          <Link href="/login" className="rounded-md px-2 py-1 text-sm hover:bg-white/10">
            เจ้าหน้าที่เข้าสู่ระบบ
          </Link>
        </div>
      </header>
      <main className="mx-auto max-w-5xl px-4 py-6">{children}</main>
    </div>
  );
}
