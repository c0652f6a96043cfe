/** The client's address as the server in front of us reports it. */
export function clientAddress(headers: Record<string, unknown> | Headers | undefined): string {
  const read = (name: string) =>
    headers instanceof Headers ? headers.get(name) : (headers?.[name] as string | undefined);
  return read("x-forwarded-for")?.split(",")[0]?.trim() || read("x-real-ip") || "unknown";
}
