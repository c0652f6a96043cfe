import NextAuth from "next-auth";
import { authOptions } from "@/server/auth/options";
import { secureApiRoute } from "@/server/http/api-route";

const handler = NextAuth(authOptions) as (request: Request, context: unknown) => Promise<Response>;

// Sign-in and sign-out posts from another site are refused before next-auth reads them.
const secured = secureApiRoute(handler);

export { secured as GET, secured as POST };
