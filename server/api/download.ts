// Responses of the download routes (report PDF, summary exports).

/**
 * RFC 6266 Content-Disposition: the Thai name percent-encoded in UTF-8 (RFC 5987 filename*),
 * and a plain ASCII name for old clients.
 */
export function attachment(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

export const plainText = (status: number, body: string) =>
  new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
