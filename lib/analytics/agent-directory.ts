import type { AgentRef } from "@/lib/conversations/records";

/**
 * Who is who, learned from the loaded records: one agent may appear by code (logged in),
 * by UserName (not logged in) or only by an extension (the target of a consult or a
 * transfer). The directory folds those into one row key per person where the records
 * allow it: a UserName equal to a logged-in representative's name is that representative;
 * an extension belongs to the representative seen on it most often (else to the user).
 */
export interface AgentDirectory {
  /** The row key of an agent as a record names one. */
  resolve(ref: AgentRef): string;
  /** The row key of whoever owns an extension (`ext:<id>` when nobody is known on it). */
  resolveExtension(extension: string): string;
  /** Display name of a row key. */
  nameOf(key: string): string;
}

/** The most frequent value per key (ties: the smaller value, so the result is stable). */
class Votes {
  private readonly votes = new Map<string, Map<string, number>>();

  add(key: string, value: string, weight: number): void {
    let tally = this.votes.get(key);
    if (!tally) {
      tally = new Map();
      this.votes.set(key, tally);
    }
    tally.set(value, (tally.get(value) ?? 0) + weight);
  }

  winners(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [key, tally] of this.votes) {
      let best = "";
      let bestWeight = 0;
      for (const [value, weight] of tally) {
        if (weight > bestWeight || (weight === bestWeight && value < best)) {
          best = value;
          bestWeight = weight;
        }
      }
      out.set(key, best);
    }
    return out;
  }
}

/** A directory from the agents the legs name, each with how many legs named it. */
export function buildAgentDirectory(seen: ReadonlyMap<AgentRef, number>): AgentDirectory {
  const names = new Votes();
  const userCodes = new Votes();
  const extensionCodes = new Votes();
  const extensionUsers = new Votes();
  for (const [ref, count] of seen) {
    if (ref.code !== undefined) {
      names.add(ref.key, ref.name, count);
      userCodes.add(ref.name, ref.key, count);
      if (ref.extension) extensionCodes.add(ref.extension, ref.key, count);
    } else if (ref.key.startsWith("user:") && ref.extension) {
      extensionUsers.add(ref.extension, ref.key, count);
    }
  }
  const nameByKey = names.winners();
  const codeByUser = userCodes.winners();
  const resolveUser = (key: string) =>
    key.startsWith("user:") ? (codeByUser.get(key.slice(5)) ?? key) : key;
  const byExtension = extensionCodes.winners();
  for (const [extension, user] of extensionUsers.winners()) {
    if (!byExtension.has(extension)) byExtension.set(extension, resolveUser(user));
  }
  const resolveExtension = (extension: string) => byExtension.get(extension) ?? `ext:${extension}`;
  const resolved = new Map<AgentRef, string>();

  return {
    resolve(ref) {
      let key = resolved.get(ref);
      if (key === undefined) {
        key = ref.code
          ? ref.key
          : ref.key.startsWith("user:")
            ? resolveUser(ref.key)
            : ref.extension
              ? resolveExtension(ref.extension)
              : ref.key;
        resolved.set(ref, key);
      }
      return key;
    },
    resolveExtension,
    nameOf: (key) => nameByKey.get(key) ?? key.slice(key.indexOf(":") + 1),
  };
}
