"use client";

import "./globals.css";
import ErrorPage from "./error";

// An error in the root layout itself: the page has no layout left, so this one brings its own.
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="th">
      <body className="min-h-screen font-sans">
        <ErrorPage {...props} />
      </body>
    </html>
  );
}
