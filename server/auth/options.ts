import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/server/db/client";
import { resolveAuthSecret } from "./secret";
import { signIn } from "./sign-in";

const EIGHT_HOURS = 8 * 60 * 60;

/** The client's address as the server in front of us reports it. */
export function clientAddress(headers: Record<string, unknown> | Headers | undefined): string {
  const read = (name: string) =>
    headers instanceof Headers ? headers.get(name) : (headers?.[name] as string | undefined);
  return read("x-forwarded-for")?.split(",")[0]?.trim() || read("x-real-ip") || "unknown";
}

export const authOptions: NextAuthOptions = {
  secret: resolveAuthSecret(),
  session: { strategy: "jwt", maxAge: EIGHT_HOURS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "ชื่อผู้ใช้และรหัสผ่าน",
      credentials: {
        username: { label: "ชื่อผู้ใช้", type: "text" },
        password: { label: "รหัสผ่าน", type: "password" },
      },
      // A thrown error's message reaches the sign-in page as `error`: it is the Thai text.
      async authorize(credentials, request) {
        if (!credentials?.username || !credentials.password) return null;
        const { userId } = await signIn(await getDb(), {
          username: credentials.username,
          password: credentials.password,
          ipAddress: clientAddress(request?.headers),
        });
        return { id: userId };
      },
    }),
  ],
  callbacks: {
    // Only the user id travels in the token; roles are read from the database per request.
    jwt({ token, user }) {
      if (user) token.userId = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: typeof token.userId === "string" ? token.userId : undefined };
    },
  },
};
