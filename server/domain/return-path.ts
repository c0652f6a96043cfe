// Where sign-in returns to: the page a signed-out visitor asked for (a shared dashboard link),
// carried as ?next=. Only a path on this site is followed, never another origin.

export const RETURN_PATH_PARAM = "next";

/** The request header in which proxy.ts hands a page its own path and query (always set there, never the client's). */
export const REQUEST_PATH_HEADER = "x-prongsai-path";

/** The path to go to after sign-in: `candidate` when it is a path of this site, else the home page. */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return "/";
  // Control characters could make a browser read the rest as another URL.
  if (/[\u0000-\u001f\\]/.test(candidate)) return "/";
  if (candidate === "/login" || candidate.startsWith("/login?") || candidate.startsWith("/api/")) return "/";
  return candidate;
}

/** The sign-in page, set to come back to `path`. */
export function signInPathFor(path: string | null | undefined): string {
  const back = safeReturnPath(path);
  return back === "/" ? "/login" : `/login?${RETURN_PATH_PARAM}=${encodeURIComponent(back)}`;
}
