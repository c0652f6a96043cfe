/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM packages are loaded by Node at run time, not bundled (exceljs: its streaming
  // writer uses Node streams and archiver).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "@prisma/adapter-pg", "pg", "pdfkit", "exceljs", "pino", "pg-boss", "@aws-sdk/client-s3", "@aws-sdk/lib-storage"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
