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

/** True when a lookup table over 0…max is cheap enough for these ids. */
function denseEnough(min: number, max: number, count: number): boolean {
  return min >= 0 && max < Math.max(8 * count, 1 << 20) && max < 1 << 28;
}

/**
 * Writes to out[r] the index of values[r] in `sortedIds` (ascending, distinct), or −1 when absent
 * or when skip[r] is −1: a lookup table when the ids are dense enough, binary search otherwise.
 */
function indexAll(sortedIds: Int32Array, values: Int32Array, out: Int32Array, skip?: Int32Array): void {
  const n = sortedIds.length;
  if (n === 0) {
    out.fill(-1);
    return;
  }
  const min = sortedIds[0]!;
  const max = sortedIds[n - 1]!;
  if (denseEnough(min, max, n)) {
    const lookup = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < n; i++) lookup[sortedIds[i]!] = i;
    for (let r = 0; r < values.length; r++) {
      const id = values[r]!;
      out[r] = (skip && skip[r] === -1) || id < 0 || id > max ? -1 : lookup[id]!;
    }
    return;
  }
  for (let r = 0; r < values.length; r++) {
    if (skip && skip[r] === -1) {
      out[r] = -1;
      continue;
    }
    const id = values[r]!;
    let lo = 0;
    let hi = n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = sortedIds[mid]!;
      if (v === id) {
        found = mid;
        break;
      }
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    out[r] = found;
  }
}

/** The distinct values of `values[r]` for the rows where keep[r] is not −1, ascending. */
function distinctSorted(values: Int32Array, keep: Int32Array): Int32Array {
  let min = Infinity;
  let max = -Infinity;
  let count = 0;
  for (let r = 0; r < values.length; r++) {
    if (keep[r] === -1) continue;
    const v = values[r]!;
    if (v < min) min = v;
    if (v > max) max = v;
    count++;
  }
  if (count === 0) return new Int32Array(0);
  if (denseEnough(min, max, count)) {
    const seen = new Uint8Array(max + 1);
    let distinct = 0;
    for (let r = 0; r < values.length; r++) {
      if (keep[r] === -1) continue;
      const v = values[r]!;
      if (seen[v] === 0) {
        seen[v] = 1;
        distinct++;
      }
    }
    const out = new Int32Array(distinct);
    for (let v = min, i = 0; v <= max; v++) if (seen[v] === 1) out[i++] = v;
    return out;
  }
  const copy = new Int32Array(count);
  for (let r = 0, i = 0; r < values.length; r++) if (keep[r] !== -1) copy[i++] = values[r]!;
  copy.sort();
  let n = 0;
  for (let i = 0; i < copy.length; i++) {
    if (i === 0 || copy[i] !== copy[n - 1]) copy[n++] = copy[i]!;
  }
  return copy.slice(0, n);
}

/**
 * Builds the matrix: the latest vote of each (participant, statement) pair wins; on equal times
 * the higher value wins (any fixed rule would do: it keeps the result independent of row order).
 * O(votes + participants × statements / 32).
 *
 * With `reuseVoteArrays`, the matrix is built in the memory of `votes.statement` and `votes.vote`
 * (they are overwritten, and the matrix's `column` and `value` are views of them): no fresh 25 MB
 * at 5 million votes, whose page faults cost more than anything else the build does. Only for a
 * caller that will not read the vote table again (the worker, which owns its transferred copy).
 *
 * @throws Error when a statement id is duplicated or a vote value is not −1, 0 or 1.
 */
export function buildVoteMatrix(
  statements: StatementTable,
  votes: VoteTable,
  reuseVoteArrays = false,
): VoteMatrix {
  const order = Array.from(statements.id.keys()).sort((a, b) => statements.id[a]! - statements.id[b]!);
  const statementIds = Int32Array.from(order, (i) => statements.id[i]!);
  const active = Uint8Array.from(order, (i) =>
    statements.moderated[i] !== -1 && statements.isMeta[i] !== 1 ? 1 : 0,
  );
  for (let i = 1; i < statementIds.length; i++) {
    if (statementIds[i] === statementIds[i - 1]) throw new Error(`duplicate statement id ${statementIds[i]}`);
  }
  const nS = statementIds.length;

  const nRows = votes.participant.length;
  checkVoteValues(votes.vote);
  const col = reuseVoteArrays ? votes.statement : new Int32Array(nRows);
  indexAll(statementIds, votes.statement, col);
  const unknownStatementVotes = countValue(col, -1);

  const participantColumn = votes.participant;
  // Rows already grouped by participant in ascending id order (ORDER BY participant in SQL) are
  // used where they are. Otherwise they are bucketed by participant first (a counting sort that
  // carries the fields along). Fresh large arrays are costly (page faults), so the grouped path
  // allocates none beyond `col`, which it also reuses for the packed keys below.
  const runs = unknownStatementVotes === 0 ? ascendingRuns(participantColumn) : -1;
  let participantIds: Int32Array;
  let bucketStart: Int32Array;
  let bucketCol = col;
  let bucketVote = votes.vote;
  let bucketTime = votes.time;
  if (runs >= 0) {
    participantIds = new Int32Array(runs);
    bucketStart = new Int32Array(runs + 1);
    runStarts(participantColumn, participantIds, bucketStart);
  } else {
    participantIds = distinctSorted(participantColumn, col);
    const nParticipants = participantIds.length;
    const rowOf = new Int32Array(nRows);
    indexAll(participantIds, participantColumn, rowOf, col);
    bucketStart = bucketStarts(rowOf, nParticipants);
    const kept = bucketStart[nParticipants]!;
    bucketCol = new Int32Array(kept);
    bucketVote = new Int8Array(kept);
    bucketTime = new Float64Array(kept);
    scatterRows(rowOf, bucketStart, col, votes.vote, votes.time, bucketCol, bucketVote, bucketTime);
  }
  const nP = participantIds.length;

  // Row by row: keep the latest vote per statement, in statement order, as packed (statement index,
  // vote + 1) keys written over bucketCol, never ahead of what has been read.
  const rowStart = new Int32Array(nP + 1);
  const packed = bucketCol;
  const nnz = latestPerRow(bucketStart, bucketCol, bucketVote, bucketTime, nS, packed, rowStart);
  // The votes are read by now (the ungrouped path read them into its buckets; the grouped one
  // reads row k before writing row ≤ k).
  const value = reuseVoteArrays ? votes.vote.subarray(0, nnz) : new Int8Array(nnz);
  unpack(packed, value, nnz);
  // A view, not a copy: a fresh 20 MB array costs more in page faults than the rows it would free.
  const column = nnz === packed.length ? packed : packed.subarray(0, nnz);
  return {
    participantIds,
    statementIds,
    active,
    rowStart,
    column,
    value,
    unknownStatementVotes,
  };
}

/** @throws Error at the first value that is not −1, 0 or 1. */
function checkVoteValues(values: Int8Array): void {
  // One well-predicted test per row (−1, 0, 1 ↦ 0, 1, 2): three comparisons mispredict on random votes.
  for (let r = 0; r < values.length; r++) {
    const v = values[r]!;
    if ((v + 1) >>> 0 > 2) throw new Error(`vote row ${r}: value ${v} is not -1, 0 or 1`);
  }
}

function countValue(values: Int32Array, wanted: number): number {
  let n = 0;
  for (let r = 0; r < values.length; r++) if (values[r] === wanted) n++;
  return n;
}

/** The number of runs of equal ids when `ids` never decreases, else −1. */
function ascendingRuns(ids: Int32Array): number {
  let runs = 0;
  for (let r = 0; r < ids.length; r++) {
    if (r === 0 || ids[r] !== ids[r - 1]) {
      if (r > 0 && ids[r]! < ids[r - 1]!) return -1;
      runs++;
    }
  }
  return runs;
}

/** Each run's id and first row, and the row count after the last run, for ids in ascending runs. */
function runStarts(ids: Int32Array, runId: Int32Array, runStart: Int32Array): void {
  let p = -1;
  for (let r = 0; r < ids.length; r++) {
    if (r === 0 || ids[r] !== ids[r - 1]) {
      runId[++p] = ids[r]!;
      runStart[p] = r;
    }
  }
  runStart[p + 1] = ids.length;
}

/** Where each participant's bucket starts (prefix sums of the row counts), −1 rows left out. */
function bucketStarts(rowOf: Int32Array, nParticipants: number): Int32Array {
  const start = new Int32Array(nParticipants + 1);
  for (let r = 0; r < rowOf.length; r++) if (rowOf[r] !== -1) start[rowOf[r]! + 1]!++;
  for (let p = 0; p < nParticipants; p++) start[p + 1]! += start[p]!;
  return start;
}

/** Counting sort of the vote rows by participant row (`rowOf`, −1 to drop), stable. */
function scatterRows(
  rowOf: Int32Array,
  bucketStart: Int32Array,
  col: Int32Array,
  vote: Int8Array,
  time: Float64Array,
  outCol: Int32Array,
  outVote: Int8Array,
  outTime: Float64Array,
): void {
  const fill = bucketStart.slice(0, bucketStart.length - 1);
  for (let r = 0; r < rowOf.length; r++) {
    const p = rowOf[r]!;
    if (p === -1) continue;
    const at = fill[p]!++;
    outCol[at] = col[r]!;
    outVote[at] = vote[r]!;
    outTime[at] = time[r]!;
  }
}

/** Splits packed keys (statement << 2 | vote + 1) into the vote values and, in place, the statements. */
function unpack(packed: Int32Array, value: Int8Array, nnz: number): void {
  for (let k = 0; k < nnz; k++) {
    value[k] = (packed[k]! & 3) - 1;
    packed[k] = packed[k]! >> 2;
  }
}

/**
 * For each participant p (rows bucketStart[p] … bucketStart[p+1]−1 of the bucketed votes), keeps
 * the latest vote per statement (on equal times the higher value) as a packed key
 * (statement << 2 | vote + 1), in ascending statement order, written to `packed` from 0 on, with
 * the row boundaries to `rowStart`. `packed` may be `bucketCol`: a row is written only after it has
 * been read, and no further than it was read. Returns the number of keys kept.
 *
 * A row that arrives in statement order with one vote per statement is copied as it is. Otherwise
 * the order comes from a bitset over the statements, read word by word: sorting ~50 random keys
 * per row costs several times more (a mispredicted branch per comparison). A row whose statements
 * are spread far apart compared with their number is sorted instead.
 */
function latestPerRow(
  bucketStart: Int32Array,
  bucketCol: Int32Array,
  bucketVote: Int8Array,
  bucketTime: Float64Array,
  nS: number,
  packed: Int32Array,
  rowStart: Int32Array,
): number {
  const nP = bucketStart.length - 1;
  const owner = new Int32Array(nS).fill(-1);
  const voteOf = new Int8Array(nS);
  // The row (k) of the vote that wins so far: times are read only when a statement repeats.
  const winner = new Int32Array(nS);
  const bits = new Int32Array((nS + 31) >>> 5);
  let nnz = 0;
  for (let p = 0; p < nP; p++) {
    const rowFirst = nnz;
    let low = nS;
    let high = -1;
    let count = 0;
    let ascending = true;
    for (let k = bucketStart[p]!; k < bucketStart[p + 1]!; k++) {
      const j = bucketCol[k]!;
      const v = bucketVote[k]!;
      if (owner[j] !== p) {
        owner[j] = p;
        winner[j] = k;
        voteOf[j] = v;
        bits[j >>> 5]! |= 1 << (j & 31);
        if (j <= high) ascending = false;
        if (j < low) low = j;
        if (j > high) high = j;
        count++;
      } else {
        ascending = false;
        const t = bucketTime[k]!;
        const was = bucketTime[winner[j]!]!;
        if (t > was || (t === was && v > voteOf[j]!)) {
          winner[j] = k;
          voteOf[j] = v;
        }
      }
    }
    if (count === 0) {
      rowStart[p + 1] = nnz;
      continue;
    }
    const firstWord = low >>> 5;
    const lastWord = high >>> 5;
    if (ascending) {
      // Already in order, one vote per statement (ORDER BY participant, statement in SQL).
      for (let k = bucketStart[p]!; k < bucketStart[p + 1]!; k++) {
        const j = bucketCol[k]!;
        bits[j >>> 5] = 0;
        packed[nnz++] = (j << 2) | (voteOf[j]! + 1);
      }
    } else if (lastWord - firstWord < 4 * count + 8) {
      for (let word = firstWord; word <= lastWord; word++) {
        let w = bits[word]!;
        if (w === 0) continue;
        bits[word] = 0;
        const base = word << 5;
        while (w !== 0) {
          const j = base + 31 - Math.clz32(w & -w);
          w &= w - 1;
          packed[nnz++] = (j << 2) | (voteOf[j]! + 1);
        }
      }
    } else {
      for (let k = bucketStart[p]!; k < bucketStart[p + 1]!; k++) {
        const j = bucketCol[k]!;
        const word = j >>> 5;
        const bit = 1 << (j & 31);
        if ((bits[word]! & bit) === 0) continue;
        bits[word]! &= ~bit;
        packed[nnz++] = (j << 2) | (voteOf[j]! + 1);
      }
      packed.subarray(rowFirst, nnz).sort();
    }
    rowStart[p + 1] = nnz;
  }
  return nnz;
}
