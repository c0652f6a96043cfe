// npm run db:seed — loads the demo data into an empty database (through the privileged connection).
import { openDatabase } from "@/server/db/client";
import { migrationConfigFromEnv } from "@/server/db/connection";
import { printDemoAccounts } from "./print";
import { isDatabaseEmpty, seedDemoData } from "@/prisma/seed/demo";
import { resolveDemoPassword } from "@/prisma/seed/demo-password";

async function main() {
  const config = migrationConfigFromEnv();
  const database = await openDatabase(config);
  try {
    if (!(await isDatabaseEmpty(database.db))) {
      console.log("ฐานข้อมูลมีข้อมูลอยู่แล้ว: ไม่ใส่ข้อมูลสาธิตซ้ำ (the database already has data; demo data not loaded)");
      return;
    }
    const password = resolveDemoPassword(config);
    const accounts = await seedDemoData(database.db, { password });
    printDemoAccounts(accounts.map((account) => account.username), password);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
