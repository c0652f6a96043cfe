import Link from "next/link";

/** A table's sort: the column and its direction. */
export type Sort<K extends string> = { key: K; descending: boolean };

/**
 * A table header that sorts by its column: ▲/▼ when active, ↕ otherwise. It sorts in the
 * browser (onSort) or, for tables the server sorts, follows a link (href).
 */
export function SortHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
  href,
  className = "",
}: {
  label: string;
  column: K;
  sort: Sort<K>;
  onSort?: (key: K) => void;
  href?: string;
  className?: string;
}) {
  const active = sort.key === column;
  const content = (
    <>
      {label}
      <span aria-hidden="true" className="ml-1 text-slate-500">
        {active ? (sort.descending ? "▼" : "▲") : "↕"}
      </span>
    </>
  );
  return (
    <th scope="col" className={`px-3 py-2 ${className}`} aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}>
      {href ? (
        <Link href={href} scroll={false} className="font-semibold hover:underline">
          {content}
        </Link>
      ) : (
        <button type="button" onClick={() => onSort?.(column)} className="font-semibold hover:underline">
          {content}
        </button>
      )}
    </th>
  );
}
