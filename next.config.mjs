/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages are loaded by Node at run time, not bundled (wordcut reads its
  // dictionaries next to its code; exceljs: its streaming
  // writer uses Node streams and archiver).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "@prisma/adapter-pg", "pg", "pdfkit", "fontkit", "exceljs", "pino", "pg-boss", "@aws-sdk/client-s3", "@aws-sdk/lib-storage", "wordcut"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
