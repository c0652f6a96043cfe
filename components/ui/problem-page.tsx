import Link from "next/link";

/** A page that says something went wrong, in Thai, with a way back. */
export function ProblemPage({ code, title, detail, children }: { code: string; title: string; detail: string; children?: React.ReactNode }) {
  return (
    <div className="flex min-h-[60vh] items-center justify-center p-4" data-testid="problem-page">
      <div className="w-full max-w-lg rounded-xl border border-slate-200 bg-white p-6 text-center shadow-sm">
        <p className="text-sm font-semibold text-teal-700">{code}</p>
        <h1 className="mt-1 text-2xl font-bold text-slate-900">{title}</h1>
        <p className="mt-2 text-slate-600">{detail}</p>
        <div className="mt-6 flex flex-wrap justify-center gap-3">
          {children}
          <Link href="/" className="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
            กลับหน้าหลัก
          </Link>
        </div>
      </div>
    </div>
  );
}
