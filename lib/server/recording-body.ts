import "server-only";

import { RecordingError } from "./recording-errors";

/** Reading a recording's body: its first bytes, then the rest at the listener's pace, bounded. */

export async function readAtLeast(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  bytes: number,
): Promise<{ head: Uint8Array; ended: boolean }> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  while (length < bytes) {
    const { done, value } = await reader.read();
    if (done) return { head: concat(chunks, length), ended: true };
    chunks.push(value);
    length += value.byteLength;
  }
  return { head: concat(chunks, length), ended: false };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * The sniffed head first, then the rest of the upstream body, pulled at the listener's pace.
 * Past `maxBytes` the stream fails and the upstream download is cancelled: a recording
 * server that never stops sending cannot fill the server's memory or bandwidth.
 */
export function prepend(
  head: Uint8Array,
  reader: ReadableStreamDefaultReader<Uint8Array>,
  opts: { maxBytes: number; done: () => void },
): ReadableStream<Uint8Array> {
  let sent = head.byteLength;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.byteLength > 0) controller.enqueue(head);
    },
    async pull(controller) {
      try {
        const { done: finished, value } = await reader.read();
        if (finished) {
          opts.done();
          controller.close();
          return;
        }
        sent += value.byteLength;
        if (sent > opts.maxBytes) {
          opts.done();
          await reader.cancel().catch(() => undefined);
          controller.error(new RecordingError("too-large"));
          return;
        }
        controller.enqueue(value);
      } catch {
        opts.done();
        controller.error(new RecordingError("network"));
      }
    },
    async cancel(reason) {
      opts.done();
      await reader.cancel(reason).catch(() => undefined);
    },
  });
}
