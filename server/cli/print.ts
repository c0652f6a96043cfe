export function printDemoAccounts(usernames: string[], password: string) {
  console.log("\nบัญชีสาธิต (demo accounts):");
  for (const username of usernames) console.log(`  ${username}`);
  console.log(`รหัสผ่านของทุกบัญชีสาธิต (password of every demo account): ${password}\n`);
}
