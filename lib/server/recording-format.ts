/** What a recording response is: audio by its bytes, content type or link. Pure. */

/** How many leading bytes decide what a body is. */
export const SNIFF_BYTES = 16;

export type AudioFormat = { type: string; ext: string };
const WAV: AudioFormat = { type: "audio/wav", ext: "wav" };
const MP3: AudioFormat = { type: "audio/mpeg", ext: "mp3" };
const OGG: AudioFormat = { type: "audio/ogg", ext: "ogg" };
const FLAC: AudioFormat = { type: "audio/flac", ext: "flac" };
const WEBM: AudioFormat = { type: "audio/webm", ext: "webm" };
const M4A: AudioFormat = { type: "audio/mp4", ext: "m4a" };

const ascii = (bytes: Uint8Array, from: number, to: number) =>
  String.fromCharCode(...bytes.subarray(from, to));

/** The audio format the first bytes announce, if any. */
function sniffAudio(head: Uint8Array): AudioFormat | undefined {
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WAVE") return WAV;
  if (ascii(head, 0, 3) === "ID3") return MP3;
  if (
    head[0] === 0xff &&
    head[1] !== undefined &&
    (head[1] & 0xe0) === 0xe0 &&
    (head[1] & 0x06) !== 0
  )
    return MP3;
  if (ascii(head, 0, 4) === "OggS") return OGG;
  if (ascii(head, 0, 4) === "fLaC") return FLAC;
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return WEBM;
  if (ascii(head, 4, 8) === "ftyp") return M4A;
  return undefined;
}

const BY_EXTENSION: Record<string, AudioFormat> = {
  wav: WAV,
  mp3: MP3,
  ogg: OGG,
  opus: OGG,
  flac: FLAC,
  m4a: M4A,
  webm: WEBM,
};
const GENERIC_TYPES = new Set([
  "",
  "application/octet-stream",
  "binary/octet-stream",
  "application/x-download",
]);

/**
 * The Content-Type to send, or undefined when this is not a recording: audio/* is taken
 * as declared (unless the body is plainly markup); a generic binary type needs an audio
 * signature in the first bytes. Without the first bytes (a later range) a generic type is
 * named from the link's extension — the range from byte 0 was checked when playback began.
 */
export function audioContentType(
  header: string | null,
  head: Uint8Array | undefined,
  url: URL,
): string | undefined {
  const type = (header ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const sniffed = head ? sniffAudio(head) : undefined;
  if (head && !sniffed && /^\s*[<{[]/.test(new TextDecoder().decode(head.subarray(0, SNIFF_BYTES))))
    return undefined;
  if (type.startsWith("audio/")) return header?.trim();
  if (!GENERIC_TYPES.has(type)) return undefined;
  if (head) return sniffed?.type;
  const ext = /\.([a-z0-9]+)$/i.exec(url.pathname)?.[1]?.toLowerCase();
  return (ext && BY_EXTENSION[ext]?.type) ?? "application/octet-stream";
}

/** File extension for a download of this content type. */
export function extensionFor(contentType: string): string {
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (/^audio\/(x-|vnd\.)?wave?$/.test(type)) return "wav";
  if (type === "audio/mpeg" || type === "audio/mp3" || type === "audio/mpeg3") return "mp3";
  if (type === "audio/ogg" || type === "audio/opus") return "ogg";
  if (type === "audio/flac" || type === "audio/x-flac") return "flac";
  if (type === "audio/webm") return "webm";
  if (type === "audio/mp4" || type === "audio/x-m4a" || type === "audio/aac") return "m4a";
  return "audio";
}
