// A real SMTP server (smtp-server) on loopback, on a port the system picks: it keeps every mail it
// accepts, parsed (mailparser), and can refuse the next mails mid-send (at the end of DATA).
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string; from: string; subject: string; text: string; html: string; messageId: string };

export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const state = { refuseNext: 0, refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (state.refuseNext > 0) {
          state.refuseNext -= 1;
          state.refused += 1;
          const error = Object.assign(new Error("temporary failure, try again"), { responseCode: 451 });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (mail) => {
            received.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address).join(","),
              from: mail.from?.text ?? "",
              subject: mail.subject ?? "",
              text: mail.text ?? "",
              html: typeof mail.html === "string" ? mail.html : "",
              messageId: mail.messageId ?? "",
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    /** Waits until `count` mails have arrived (and a moment more, for any that should not). */
    async waitFor(count: number, settleMs = 1500) {
      const started = Date.now();
      while (received.length < count) {
        if (Date.now() - started > 20_000) throw new Error(`expected ${count} mails, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      return received.splice(0, received.length);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
