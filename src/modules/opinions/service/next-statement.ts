import { createPrng } from '../math/prng';

/**
 * Which statement a participant sees next (docs/adr/0027-which-statement-next.md): pol.is's
 * priority, on live vote counts, with the extremity of the last computed map; without a map,
 * fewest votes first. The draw is weighted and seeded, so the same participant in the same state
 * always gets the same statement.
 */

/** A statement the participant has not voted on yet, with everyone's counts so far. */
export interface Candidate {
  id: number;
  agree: number;
  disagree: number;
  pass: number;
}

/**
 * pol.is's priority (comment routing): statements with few votes are boosted (a new one at 81 ×),
 * divisive ones (far from the centre of the map: extremity) and agreed ones are preferred, and
 * those most people pass on are not.
 */
export function polisPriority(c: Candidate, extremity: number): number {
  const s = c.agree + c.disagree + c.pass;
  const importance = (1 - (c.pass + 1) / (s + 2)) * (extremity + 1) * ((c.agree + 1) / (s + 2));
  const novelty = 1 + 8 * 2 ** (-s / 5);
  return (importance * novelty) ** 2;
}

/** FNV-1a over the text, then mulberry32: a seed from a key, a uniform number in [0, 1). */
export function seededUniform(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return createPrng(h).next();
}

export interface NextStatementInput {
  candidates: readonly Candidate[];
  /**
   * Extremity of each statement in the last computed map (statement id → distance from the
   * centre); undefined when the map has not been computed yet.
   */
  extremity: ReadonlyMap<number, number> | undefined;
  /** Seed key: the participant (or, before their first vote, the account) and how far they are. */
  seed: string;
}

/** The statement ids with their weight, in id order (what the draw is made over). */
export function priorities(input: Omit<NextStatementInput, 'seed'>): { id: number; weight: number }[] {
  const sorted = [...input.candidates].sort((a, b) => a.id - b.id);
  if (!input.extremity) {
    // No computed map yet: fewest votes first (ties drawn by the seed), so every statement gets seen.
    const fewest = Math.min(...sorted.map((c) => c.agree + c.disagree + c.pass));
    return sorted.map((c) => ({ id: c.id, weight: c.agree + c.disagree + c.pass === fewest ? 1 : 0 }));
  }
  const known = [...input.extremity.values()];
  // A statement newer than the map has no extremity yet: it counts as an average one, not as a
  // consensual one (pol.is gives it 0), so the map learns where it lies.
  const typical = known.length ? known.reduce((a, b) => a + b, 0) / known.length : 0;
  return sorted.map((c) => ({ id: c.id, weight: polisPriority(c, input.extremity!.get(c.id) ?? typical) }));
}

/** The next statement's id, or undefined when there is none left. */
export function chooseNextStatement(input: NextStatementInput): number | undefined {
  const weighted = priorities(input);
  if (weighted.length === 0) return undefined;
  const total = weighted.reduce((sum, w) => sum + w.weight, 0);
  if (!(total > 0)) return weighted[0]!.id;
  let target = seededUniform(input.seed) * total;
  for (const w of weighted) {
    target -= w.weight;
    if (target < 0) return w.id;
  }
  return weighted[weighted.length - 1]!.id;
}
