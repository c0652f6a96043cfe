// Files in an S3-compatible bucket (AWS S3, MinIO, Ceph…) when S3_URL is set: the bytes of each
// file are one object named after the file's id; its key and expiry stay in StoredFile, so
// listing expired files is one query whatever the backend.
import { PassThrough, type Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { Db } from "@/server/db/client";
import { StoredFiles } from "./stored-files";

export type S3Config = { endpoint: string; bucket: string; region: string; accessKeyId: string; secretAccessKey: string };

/** http(s)://ACCESS_KEY:SECRET@host[:port]/bucket[?region=…] (path-style addressing). */
export function s3ConfigFromUrl(url: string): S3Config {
  const parsed = new URL(url);
  const bucket = parsed.pathname.replace(/^\/+|\/+$/g, "");
  if (!/^https?:$/.test(parsed.protocol) || !bucket || !parsed.username || !parsed.password) {
    throw new Error("S3_URL must look like https://ACCESS_KEY:SECRET@host[:port]/bucket[?region=…]");
  }
  return {
    endpoint: `${parsed.protocol}//${parsed.host}`,
    bucket,
    region: parsed.searchParams.get("region") ?? "us-east-1",
    accessKeyId: decodeURIComponent(parsed.username),
    secretAccessKey: decodeURIComponent(parsed.password),
  };
}

const objectKey = (fileId: string) => `files/${fileId}`;

export class S3FileStore extends StoredFiles {
  protected readonly backend = "s3";
  private readonly client: S3Client;

  constructor(
    db: Db,
    private readonly config: S3Config,
  ) {
    super(db);
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: true,
      // Checksums only where S3 requires them: many S3-compatible servers do not read the
      // SDK's default streaming checksum trailer.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    });
  }

  protected async writeBytes(fileId: string, body: Readable): Promise<number> {
    let bytes = 0;
    const counted = new PassThrough();
    counted.on("data", (chunk: Buffer) => (bytes += chunk.length));
    body.on("error", (error) => counted.destroy(error));
    // A multipart upload of unknown length: parts of 5 MiB are sent as they fill.
    const upload = new Upload({ client: this.client, params: { Bucket: this.config.bucket, Key: objectKey(fileId), Body: body.pipe(counted) } });
    await upload.done();
    return bytes;
  }

  protected async readBytes(fileId: string): Promise<Readable> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: objectKey(fileId) }));
    return object.Body as Readable;
  }

  protected async removeBytes(fileId: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: objectKey(fileId) }));
  }
}
