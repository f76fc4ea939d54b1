import "server-only";

/**
 * CallID → RecordURL, kept on the server so /api/recordings can resolve a call's recording
 * without the browser ever seeing the link. Bounded; the least recently used go first.
 */
export interface RecordUrlIndex {
  get(callId: string): string | undefined;
  set(callId: string, url: string): void;
  size(): number;
}

export function createRecordUrlIndex(capacity = 200_000): RecordUrlIndex {
  const urls = new Map<string, string>();
  return {
    get(callId) {
      const url = urls.get(callId);
      if (url !== undefined) {
        urls.delete(callId);
        urls.set(callId, url);
      }
      return url;
    },
    set(callId, url) {
      urls.delete(callId);
      urls.set(callId, url);
      if (urls.size > capacity) {
        const oldest = urls.keys().next();
        if (!oldest.done) urls.delete(oldest.value);
      }
    },
    size: () => urls.size,
  };
}
