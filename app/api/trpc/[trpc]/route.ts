import { handleTrpcRequest } from "@/server/api/http";

const handler = (request: Request) => handleTrpcRequest(request);

export { handler as GET, handler as POST };
