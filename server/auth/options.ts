import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/server/db/client";
import { clientAddress } from "@/server/http/client-address";
import { endSession, sessionConfig, startSession } from "./sessions";
import { signIn } from "./sign-in";

const config = sessionConfig();

export const authOptions: NextAuthOptions = {
  secret: config.secret,
  // The cookie lives as long as the session may (the absolute limit); the UserSession row
  // decides whether it is still open (server/auth/sessions.ts).
  session: { strategy: "jwt", maxAge: config.maxHours * 3600 },
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
    // Only the user's and the session's ids travel in the token; roles are read from the
    // database per request, and the session row decides whether the token still counts.
    async jwt({ token, user }) {
      if (user) {
        token.userId = user.id;
        token.sessionId = await startSession(await getDb(), user.id, config);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: typeof token.userId === "string" ? token.userId : undefined };
    },
  },
  events: {
    // Sign-out ends the session it is made from, on the server too: the old cookie is refused.
    async signOut({ token }) {
      if (typeof token?.sessionId === "string") await endSession(await getDb(), token.sessionId);
    },
  },
};
