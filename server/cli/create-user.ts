// npm run user:create -- --username somchai --name "สมชาย ใจดี" [--title นาย] [--position ...]
//   [--password ...]   (default: generated and printed)
//   one role: --admin | --province <province code> | --district <district code>
//             | --editor <DLA code> | --signer <DLA code> --step HEAD_OF_OFFICE|CHIEF_ADMINISTRATOR|EXECUTIVE
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { openDatabase, type Db } from "@/server/db/client";
import { AppError } from "@/server/errors";
import { createUser, type TRoleGrantInput } from "@/server/services/users";
import { ZodError } from "zod";

const { values } = parseArgs({
  options: {
    username: { type: "string" },
    name: { type: "string" },
    title: { type: "string" },
    position: { type: "string" },
    password: { type: "string" },
    admin: { type: "boolean" },
    province: { type: "string" },
    district: { type: "string" },
    editor: { type: "string" },
    signer: { type: "string" },
    step: { type: "string" },
  },
});

async function roleFromArgs(db: Db): Promise<TRoleGrantInput[]> {
  const missing = (what: string): never => {
    throw new AppError("BAD_REQUEST", `ไม่พบ${what}`);
  };
  if (values.admin) return [{ role: "ADMIN" }];
  if (values.province) {
    const province = (await db.province.findUnique({ where: { code: values.province } })) ?? missing(`จังหวัดรหัส ${values.province}`);
    return [{ role: "PROVINCE_REVIEWER", provinceId: province.id }];
  }
  if (values.district) {
    const district = (await db.district.findUnique({ where: { code: values.district } })) ?? missing(`อำเภอรหัส ${values.district}`);
    return [{ role: "DISTRICT_REVIEWER", districtId: district.id }];
  }
  const dlaCode = values.editor ?? values.signer;
  if (!dlaCode) return [];
  const organization = (await db.localOrganization.findUnique({ where: { dlaCode } })) ?? missing(`อปท. รหัส ${dlaCode}`);
  if (values.editor) return [{ role: "ORG_EDITOR", organizationId: organization.id }];
  return [{ role: "ORG_SIGNER", organizationId: organization.id, signOffStep: values.step as "EXECUTIVE" }];
}

async function main() {
  const database = await openDatabase();
  try {
    const password = values.password ?? randomBytes(12).toString("base64url");
    const user = await createUser({ db: database.db, actor: null, input: {
      username: values.username ?? "",
      password,
      displayName: values.name ?? values.username ?? "",
      titlePrefix: values.title,
      position: values.position,
      roles: await roleFromArgs(database.db),
    } });
    console.log(`สร้างบัญชี ${user.username} แล้ว (created)`);
    if (!values.password) console.log(`รหัสผ่าน (password): ${password}`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  if (error instanceof ZodError) console.error(error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
