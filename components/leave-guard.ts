"use client";
// No lost edits when leaving a page with unsaved work (the report editor): a link, the back
// button or signing out first saves, or asks when saving fails. The page registers its guard;
// the sign-out button and the links of the page ask it before leaving. Closing or reloading the
// tab is left to the browser's own "leave this page?" (beforeunload), which the editor raises
// while something is unsaved or saving.
import { useRouter } from "next/navigation";
import { useEffect, useEffectEvent } from "react";

type Guard = () => Promise<boolean>; // true: the page may be left

let current: Guard | null = null;

/** Whether the page may be left now: it has saved what it holds, or its user chose to leave anyway. */
export async function mayLeave(): Promise<boolean> {
  return current ? current() : true;
}

/** Until `saving` settles, closing or reloading the tab asks first (the page that started it may be gone). */
export function holdUnloadUntil(saving: Promise<unknown>) {
  const warn = (event: BeforeUnloadEvent) => event.preventDefault();
  window.addEventListener("beforeunload", warn);
  void saving.finally(() => window.removeEventListener("beforeunload", warn));
}

/**
 * While mounted, `dirty()` says whether something is unsaved or being saved, and `beforeLeave`
 * saves it (true once saved, or when the user chose to leave anyway). A click on a link of this
 * site then waits for it before navigating; other sites' links are left to beforeunload.
 */
export function useLeaveGuard(dirty: () => boolean, beforeLeave: Guard) {
  const router = useRouter();
  const guard = useEffectEvent(async () => (dirty() ? beforeLeave() : true));
  const isDirty = useEffectEvent(() => dirty());

  useEffect(() => {
    const registered: Guard = () => guard();
    current = registered;

    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement) || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return; // within the page
      if (!isDirty()) return;
      // Before the app's own handler (next/link) sees it: nothing navigates until saved.
      event.preventDefault();
      event.stopPropagation();
      void guard().then((go) => {
        if (go) router.push(`${url.pathname}${url.search}${url.hash}`);
      });
    };
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("click", onClick, true);
      if (current === registered) current = null;
    };
  }, [router]);
}
