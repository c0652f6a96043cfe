import Link from "next/link";

/** ภาพรวม › ประเด็น › <issue> › <organisation> › <measure>: real links, the last one is the page itself. */
export function Breadcrumbs({ items }: { items: { label: string; href?: string }[] }) {
  return (
    <nav aria-label="เส้นทาง" className="mb-3 text-sm">
      <ol className="flex flex-wrap items-center gap-x-1 gap-y-1 text-slate-600">
        {items.map((item, index) => (
          <li key={index} className="flex min-w-0 items-center gap-1">
            {index > 0 && <span aria-hidden="true">›</span>}
            {item.href && index < items.length - 1 ? (
              <Link href={item.href} className="text-teal-800 hover:underline">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="font-medium text-slate-900">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
