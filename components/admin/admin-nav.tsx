import Link from "next/link";

const PAGES = [
  { key: "home", href: "/admin", label: "ภาพรวม" },
  { key: "organizations", href: "/admin/organizations", label: "ทะเบียน อปท." },
  { key: "accounts", href: "/admin/accounts", label: "บัญชีผู้ใช้" },
  { key: "frameworks", href: "/admin/frameworks", label: "กรอบการประเมินรายปี" },
] as const;

export function AdminNav({ current }: { current: (typeof PAGES)[number]["key"] }) {
  return (
    <nav className="mb-6 flex gap-2 text-sm">
      {PAGES.map((page) => (
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
