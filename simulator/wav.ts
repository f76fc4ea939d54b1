import { hashInts } from "./prng";

/**
 * Playable, voice-like audio for a recording: 8 kHz 8-bit mono PCM WAV (every browser plays
 * it). Two "speakers" take turns in bursts of voiced sound with pauses; every byte is a pure
 * function of (voice seed, position), so any byte range is computed without the rest.
 */

export const SAMPLE_RATE = 8000;
export const WAV_HEADER_BYTES = 44;
/** Recordings are cut at this length, however long the call. */
export const MAX_RECORDING_SECONDS = 600;

/** A syllable-sized slot of 250 ms; a turn is 14 slots, the last two silent. */
const SLOT = SAMPLE_RATE / 4;
const SLOTS_PER_TURN = 14;

export function recordingSeconds(durationSeconds: number): number {
  return Math.max(1, Math.min(MAX_RECORDING_SECONDS, Math.floor(durationSeconds)));
}

export function wavByteLength(seconds: number): number {
  return WAV_HEADER_BYTES + seconds * SAMPLE_RATE;
}

export function wavHeader(seconds: number): Uint8Array {
  const dataBytes = seconds * SAMPLE_RATE;
  const header = new Uint8Array(WAV_HEADER_BYTES);
  const view = new DataView(header.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) header[offset + i] = text.charCodeAt(i);
  };
  ascii(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE, true); // byte rate: 1 byte per sample
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, dataBytes, true);
  return header;
}

interface Slot {
  voiced: boolean;
  pitch: number;
  second: number;
  third: number;
}

function slotShape(voice: number, slot: number): Slot {
  const turn = Math.floor(slot / SLOTS_PER_TURN);
  const speaker = hashInts(voice, turn) & 1;
  const h = hashInts(voice, slot, 0x51);
  const voiced = slot % SLOTS_PER_TURN < SLOTS_PER_TURN - 2 && h % 5 !== 0;
  const base = speaker === 0 ? 115 : 205;
  return {
    voiced,
    pitch: base * (0.9 + 0.2 * (((h >>> 8) & 0xff) / 255)),
    second: 0.3 + 0.5 * (((h >>> 16) & 0xff) / 255),
    third: 0.1 + 0.4 * (((h >>> 24) & 0xff) / 255),
  };
}

/** Line hiss: a cheap integer hash per sample, in [-1, 1). */
function hiss(voice: number, n: number): number {
  return ((Math.imul(n ^ voice, 0x9e3779b1) >>> 24) - 128) / 128;
}

/** Writes samples [first, first + out.length) into `out`. */
function renderSamples(voice: number, first: number, out: Uint8Array): void {
  let n = first;
  const end = first + out.length;
  while (n < end) {
    const slot = Math.floor(n / SLOT);
    const shape = slotShape(voice, slot);
    const slotEnd = Math.min(end, (slot + 1) * SLOT);
    const norm = 1 + shape.second + shape.third;
    for (; n < slotEnd; n++) {
      let value = 2 * hiss(voice, n);
      if (shape.voiced) {
        const envelope = Math.sin((Math.PI * (n % SLOT)) / SLOT);
        const phase = (2 * Math.PI * shape.pitch * n) / SAMPLE_RATE;
        const wave =
          Math.sin(phase) + shape.second * Math.sin(2 * phase) + shape.third * Math.sin(3 * phase);
        value += envelope * (55 * (wave / norm) + 4 * hiss(voice, n + 7));
      }
      out[n - first] = Math.max(0, Math.min(255, Math.round(128 + value)));
    }
  }
}

/** Bytes [start, end) of the WAV file of a recording of `seconds` with the given voice seed. */
export function wavBytes(voice: number, seconds: number, start: number, end: number): Uint8Array {
  const out = new Uint8Array(Math.max(0, end - start));
  if (start < WAV_HEADER_BYTES)
    out.set(wavHeader(seconds).subarray(start, Math.min(end, WAV_HEADER_BYTES)));
  const dataStart = Math.max(start, WAV_HEADER_BYTES);
  if (end > dataStart) {
    renderSamples(voice, dataStart - WAV_HEADER_BYTES, out.subarray(dataStart - start));
  }
  return out;
}
