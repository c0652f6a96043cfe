import Link from "next/link";
import { getServerCaller } from "@/server/api/server-caller";

const PAGES = [
  { key: "home", href: "/admin", label: "ภาพรวม", shownTo: "registry" },
  { key: "organizations", href: "/admin/organizations", label: "ทะเบียน อปท.", shownTo: "registry" },
  { key: "accounts", href: "/admin/accounts", label: "บัญชีผู้ใช้", shownTo: "accounts" },
  { key: "frameworks", href: "/admin/frameworks", label: "กรอบการประเมินรายปี", shownTo: "deadlines" },
] as const;

/** The administration pages the caller may use (the country's or a province's administrator). */
export async function AdminNav({ current }: { current: (typeof PAGES)[number]["key"] }) {
  const { administers } = await (await getServerCaller()).me.get();
  return (
    <nav className="mb-6 flex flex-wrap gap-2 text-sm">
      {PAGES.filter((page) => administers[page.shownTo]).map((page) => (
        <Link
          key={page.key}
          href={page.href}
          aria-current={page.key === current ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 ${page.key === current ? "bg-teal-700 font-semibold text-white" : "border border-slate-300 hover:bg-slate-100"}`}
        >
          {page.label}
        </Link>
      ))}
    </nav>
  );
}
