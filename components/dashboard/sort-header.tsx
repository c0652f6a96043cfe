/** A table header that sorts by its column: ▲/▼ when active, ↕ otherwise. */
export type Sort<K extends string> = { key: K; descending: boolean };

export function SortHeader<K extends string>({
  label,
  column,
  sort,
  onSort,
  className = "",
}: {
  label: string;
  column: K;
  sort: Sort<K>;
  onSort: (key: K) => void;
  className?: string;
}) {
  const active = sort.key === column;
  return (
    <th scope="col" className={`px-3 py-2 ${className}`} aria-sort={active ? (sort.descending ? "descending" : "ascending") : "none"}>
      <button type="button" onClick={() => onSort(column)} className="font-semibold hover:underline">
        {label}
        <span aria-hidden="true" className="ml-1 text-slate-500">
          {active ? (sort.descending ? "▼" : "▲") : "↕"}
        </span>
      </button>
    </th>
  );
}
