// An S3-compatible server (s3rver) on loopback, on a port the system picks, with one bucket.
// s3rver accepts its own fixed keys only (S3RVER / S3RVER).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
// @ts-expect-error s3rver ships no types
import S3rver from "s3rver";

export async function startS3Server(bucket: string) {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "prongsai-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = (await server.run()) as { port: number };
  return {
    url: `http://S3RVER:S3RVER@127.0.0.1:${port}/${bucket}`,
    /** Objects in the bucket (their files on the server's disk). */
    objectCount: () => fs.readdirSync(path.join(directory, bucket), { recursive: true }).filter((name) => String(name).endsWith("._S3rver_object")).length,
    stop: async () => {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
