/** What a dashboard section shows while its data streams in (a Suspense fallback). */
export function SectionLoading({ title }: { title: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4" aria-busy="true" data-testid="section-loading">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      <p className="animate-pulse text-sm text-slate-500">กำลังโหลด…</p>
    </section>
  );
}
