/**
 * The vote matrix: participants × statements, agree = +1, disagree = −1, pass = 0, missing = no
 * entry. Stored sparse, one row per participant (CSR), rows and columns in ascending id order, so
 * the matrix does not depend on the order in which the vote rows arrive.
 */

/** Vote values, as in the pol.is open data (pol.is inverts the sign internally; we do not). */
export const AGREE = 1;
export const DISAGREE = -1;
export const PASS = 0;

/**
 * The statements of a conversation. Ids are non-negative 32-bit integers (pol.is comment ids, or
 * our database ids). `moderated`: −1 rejected, 0 not yet moderated, 1 accepted (pol.is's values).
 * `isMeta`: 1 for a statement about the process itself.
 */
export interface StatementTable {
  id: Int32Array;
  moderated: Int8Array;
  isMeta: Uint8Array;
}

/**
 * Vote rows, one column per field, all the same length: every vote ever cast, superseded ones
 * included. `time` orders the votes of one participant on one statement: the latest wins.
 */
export interface VoteTable {
  participant: Int32Array;
  statement: Int32Array;
  vote: Int8Array;
  time: Float64Array;
}

export interface VoteMatrix {
  /** Participant ids, ascending (everyone with at least one vote on a known statement). */
  participantIds: Int32Array;
  /** Statement ids, ascending (every statement of the table, voted on or not). */
  statementIds: Int32Array;
  /** 1 when the statement takes part in the math: not rejected and not meta. */
  active: Uint8Array;
  /** CSR: the votes of participant p are at rowStart[p] … rowStart[p+1]−1. */
  rowStart: Int32Array;
  /** Column (statement index) of each stored vote, ascending within a row. */
  column: Int32Array;
  /** The effective (latest) vote: −1, 0 or 1. */
  value: Int8Array;
  /** Votes on statements that are not in the statement table (ignored). */
  unknownStatementVotes: number;
}

/** Builds a statement table from plain objects (tests, CSV import). */
export function statementTable(
  rows: readonly { id: number; moderated?: number; isMeta?: boolean }[],
): StatementTable {
  const table: StatementTable = {
    id: new Int32Array(rows.length),
    moderated: new Int8Array(rows.length),
    isMeta: new Uint8Array(rows.length),
  };
  rows.forEach((row, i) => {
    table.id[i] = row.id;
    table.moderated[i] = row.moderated ?? 0;
    table.isMeta[i] = row.isMeta === true ? 1 : 0;
  });
  return table;
}

/** Builds a vote table from plain objects (tests, small imports). `time` defaults to the row's position. */
export function voteTable(
  rows: readonly { participant: number; statement: number; vote: number; time?: number }[],
): VoteTable {
  const table: VoteTable = {
    participant: new Int32Array(rows.length),
    statement: new Int32Array(rows.length),
    vote: new Int8Array(rows.length),
    time: new Float64Array(rows.length),
  };
  rows.forEach((row, i) => {
    table.participant[i] = row.participant;
    table.statement[i] = row.statement;
    table.vote[i] = row.vote;
    table.time[i] = row.time ?? i;
  });
  return table;
}

/**
 * Maps ids to dense indices: a lookup table when the ids are dense enough, binary search
 * otherwise. `sortedIds` must be ascending and distinct.
 */
function indexer(sortedIds: Int32Array): (id: number) => number {
  const n = sortedIds.length;
  if (n === 0) return () => -1;
  const max = sortedIds[n - 1]!;
  if (sortedIds[0]! >= 0 && max < Math.max(4 * n, 1 << 16) && max < 1 << 26) {
    const lookup = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < n; i++) lookup[sortedIds[i]!] = i;
    return (id) => (id >= 0 && id <= max ? lookup[id]! : -1);
  }
  return (id) => {
    let lo = 0;
    let hi = n - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = sortedIds[mid]!;
      if (v === id) return mid;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  };
}

function distinctSorted(values: Int32Array): Int32Array {
  const copy = Int32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < copy.length; i++) {
    if (i === 0 || copy[i] !== copy[n - 1]) copy[n++] = copy[i]!;
  }
  return copy.slice(0, n);
}

/**
 * Builds the matrix: the latest vote of each (participant, statement) pair wins; on equal times
 * the higher value wins (any fixed rule would do: it keeps the result independent of row order).
 * Two stable counting sorts (by statement, then by participant) put the rows in matrix order in
 * O(votes).
 *
 * @throws Error when a statement id is duplicated or a vote value is not −1, 0 or 1.
 */
export function buildVoteMatrix(statements: StatementTable, votes: VoteTable): VoteMatrix {
  const order = Array.from(statements.id.keys()).sort((a, b) => statements.id[a]! - statements.id[b]!);
  const statementIds = Int32Array.from(order, (i) => statements.id[i]!);
  const active = Uint8Array.from(order, (i) =>
    statements.moderated[i] !== -1 && statements.isMeta[i] !== 1 ? 1 : 0,
  );
  for (let i = 1; i < statementIds.length; i++) {
    if (statementIds[i] === statementIds[i - 1]) throw new Error(`duplicate statement id ${statementIds[i]}`);
  }
  const nS = statementIds.length;
  const statementIndex = indexer(statementIds);

  const nRows = votes.participant.length;
  const col = new Int32Array(nRows);
  let unknownStatementVotes = 0;
  for (let r = 0; r < nRows; r++) {
    const v = votes.vote[r]!;
    if (v !== 1 && v !== 0 && v !== -1) throw new Error(`vote row ${r}: value ${v} is not -1, 0 or 1`);
    col[r] = statementIndex(votes.statement[r]!);
    if (col[r] === -1) unknownStatementVotes++;
  }

  // Participants: those with a vote on a known statement.
  const known = new Int32Array(nRows - unknownStatementVotes);
  for (let r = 0, k = 0; r < nRows; r++) if (col[r] !== -1) known[k++] = votes.participant[r]!;
  const participantIds = distinctSorted(known);
  const nP = participantIds.length;
  const participantIndex = indexer(participantIds);
  const rowOf = new Int32Array(nRows);
  for (let r = 0; r < nRows; r++) rowOf[r] = col[r] === -1 ? -1 : participantIndex(votes.participant[r]!);

  // Counting sort by statement, then (stable) by participant.
  const byStatement = countingSort(
    col,
    nS,
    Int32Array.from({ length: nRows }, (_, r) => r),
  );
  const byCell = countingSort(rowOf, nP, byStatement);

  // Collapse repeated (participant, statement) cells to the latest vote.
  const rowStart = new Int32Array(nP + 1);
  const column = new Int32Array(byCell.length);
  const value = new Int8Array(byCell.length);
  let nnz = 0;
  let bestTime = 0;
  let lastRow = -1;
  for (let k = 0; k < byCell.length; k++) {
    const r = byCell[k]!;
    const p = rowOf[r]!;
    const s = col[r]!;
    const t = votes.time[r]!;
    const v = votes.vote[r]!;
    if (lastRow === p && column[nnz - 1] === s) {
      if (t > bestTime || (t === bestTime && v > value[nnz - 1]!)) {
        value[nnz - 1] = v;
        bestTime = t;
      }
      continue;
    }
    column[nnz] = s;
    value[nnz] = v;
    bestTime = t;
    nnz++;
    rowStart[p + 1]!++;
    lastRow = p;
  }
  for (let p = 0; p < nP; p++) rowStart[p + 1]! += rowStart[p]!;
  return {
    participantIds,
    statementIds,
    active,
    rowStart,
    column: column.slice(0, nnz),
    value: value.slice(0, nnz),
    unknownStatementVotes,
  };
}

/** Stable counting sort of `items` by `key[item]` in 0…buckets−1; items whose key is −1 are dropped. */
function countingSort(key: Int32Array, buckets: number, items: Int32Array): Int32Array {
  const start = new Int32Array(buckets + 1);
  let kept = 0;
  for (let i = 0; i < items.length; i++) {
    const k = key[items[i]!]!;
    if (k >= 0) {
      start[k + 1]!++;
      kept++;
    }
  }
  for (let b = 0; b < buckets; b++) start[b + 1]! += start[b]!;
  const out = new Int32Array(kept);
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    const k = key[item]!;
    if (k >= 0) out[start[k]!++] = item;
  }
  return out;
}
