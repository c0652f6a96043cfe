import { redirect } from "next/navigation";
import { callOrRedirect, getServerCaller } from "@/server/api/server-caller";

// Sends each user to their place: their organisation, their area, or the admin pages.
export default async function HomePage() {
  const caller = await getServerCaller();
  const me = await callOrRedirect(() => caller.me.get());
  redirect(me.homePath);
}
