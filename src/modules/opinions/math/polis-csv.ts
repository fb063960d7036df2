/**
 * Interop with the pol.is open data format (github.com/compdemocracy/openData): comments.csv,
 * votes.csv and participants-votes.csv in, the same three out. Parsing is all or nothing: any
 * problem throws a PolisImportError naming the file's line, and nothing is returned half-read.
 */
import type { OpinionMap } from './compute';
import { buildVoteMatrix, statementTable, type StatementTable, type VoteTable } from './vote-matrix';

/** Default input limit: 32 MiB per file (the largest open-data file here is 3.3 MB). */
export const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

export class PolisImportError extends Error {
  override readonly name = 'PolisImportError';
  /** 1-based line of the file where the problem is (0 when it concerns the whole file). */
  readonly line: number;
  constructor(message: string, line: number) {
    super(line > 0 ? `line ${line}: ${message}` : message);
    this.line = line;
  }
}

export interface CsvOptions {
  /** Largest accepted input, in bytes (UTF-8). */
  maxBytes?: number;
}

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** 1-based line on which each row starts. */
  lines: number[];
}

/**
 * RFC 4180 CSV: quoted fields with "" escapes and line breaks inside, LF or CRLF, an optional
 * UTF-8 byte order mark. Every row must have as many fields as the header.
 *
 * @throws PolisImportError on oversized input, an unterminated quote, a stray quote, or a row
 *   with the wrong number of fields.
 */
export function parseCsv(input: string | Uint8Array, options: CsvOptions = {}): CsvTable {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (bytes > maxBytes) {
    throw new PolisImportError(`file is ${bytes} bytes, larger than the limit of ${maxBytes} bytes`, 0);
  }
  let text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const records: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= n) throw new PolisImportError('quoted field is never closed', quoteLine);
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          throw new PolisImportError('unexpected character after a closing quote', line);
        }
      } else {
        const start = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          if (text[i] === '"') throw new PolisImportError('quote inside an unquoted field', line);
          i++;
        }
        field = text.slice(start, i);
      }
      record.push(field);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') {
        i++;
        line++;
      }
      break;
    }
    records.push(record);
    lines.push(startLine);
  }
  if (records.length === 0) throw new PolisImportError('file is empty: a header row is needed', 1);
  const header = records[0]!;
  for (let r = 1; r < records.length; r++) {
    if (records[r]!.length !== header.length) {
      throw new PolisImportError(
        `${records[r]!.length} fields where the header has ${header.length}`,
        lines[r]!,
      );
    }
  }
  return { header, rows: records.slice(1), lines: lines.slice(1) };
}

function requireColumns(table: CsvTable, file: string, names: readonly string[]): Map<string, number> {
  const index = new Map(table.header.map((h, i) => [h.trim(), i]));
  const missing = names.filter((n) => !index.has(n));
  if (missing.length > 0) {
    throw new PolisImportError(
      `${file}: missing column(s) ${missing.join(', ')} (found: ${table.header.join(', ')})`,
      1,
    );
  }
  return index;
}

function integer(value: string, what: string, line: number): number {
  const trimmed = value.trim();
  if (!/^-?\d+$/.test(trimmed)) throw new PolisImportError(`${what} "${value}" is not an integer`, line);
  const n = Number(trimmed);
  if (!Number.isSafeInteger(n)) throw new PolisImportError(`${what} "${value}" is out of range`, line);
  return n;
}

function id(value: string, what: string, line: number): number {
  const n = integer(value, what, line);
  if (n < 0 || n > 2 ** 31 - 1)
    throw new PolisImportError(`${what} ${n} is not between 0 and 2147483647`, line);
  return n;
}

function voteValue(value: string, line: number, where = 'vote'): -1 | 0 | 1 {
  const n = integer(value, where, line);
  if (n !== -1 && n !== 0 && n !== 1) throw new PolisImportError(`${where} ${n} is not -1, 0 or 1`, line);
  return n;
}

export interface PolisComment {
  id: number;
  authorId: number;
  timestamp: number;
  moderated: -1 | 0 | 1;
  isMeta: boolean;
  body: string;
  /** Counts as exported by pol.is (all vote rows, superseded ones included); 0 when absent. */
  agrees: number;
  disagrees: number;
}

/** comments.csv, in the old layout (with `datetime`) or the newer one (with `is-meta`). */
export function importPolisComments(
  input: string | Uint8Array,
  options: CsvOptions = {},
): { comments: PolisComment[]; statements: StatementTable } {
  const table = parseCsv(input, options);
  const col = requireColumns(table, 'comments.csv', [
    'timestamp',
    'comment-id',
    'author-id',
    'moderated',
    'comment-body',
  ]);
  const seen = new Set<number>();
  const comments = table.rows.map((row, r) => {
    const line = table.lines[r]!;
    const get = (name: string) => row[col.get(name)!]!;
    const commentId = id(get('comment-id'), 'comment-id', line);
    if (seen.has(commentId)) throw new PolisImportError(`comment-id ${commentId} appears twice`, line);
    seen.add(commentId);
    const moderated = voteValue(get('moderated'), line, 'moderated');
    const meta = col.has('is-meta') ? get('is-meta').trim() : 'false';
    if (meta !== 'true' && meta !== 'false' && meta !== '') {
      throw new PolisImportError(`is-meta "${meta}" is not true or false`, line);
    }
    return {
      id: commentId,
      authorId: id(get('author-id'), 'author-id', line),
      timestamp: integer(get('timestamp'), 'timestamp', line),
      moderated,
      isMeta: meta === 'true',
      body: get('comment-body'),
      agrees: col.has('agrees') ? integer(get('agrees'), 'agrees', line) : 0,
      disagrees: col.has('disagrees') ? integer(get('disagrees'), 'disagrees', line) : 0,
    };
  });
  return { comments, statements: statementTable(comments) };
}

/** votes.csv: the full vote history (timestamp, comment-id, voter-id, vote). */
export function importPolisVotes(input: string | Uint8Array, options: CsvOptions = {}): VoteTable {
  const table = parseCsv(input, options);
  const col = requireColumns(table, 'votes.csv', ['timestamp', 'comment-id', 'voter-id', 'vote']);
  const n = table.rows.length;
  const votes: VoteTable = {
    participant: new Int32Array(n),
    statement: new Int32Array(n),
    vote: new Int8Array(n),
    time: new Float64Array(n),
  };
  const [t, c, v, x] = ['timestamp', 'comment-id', 'voter-id', 'vote'].map((name) => col.get(name)!) as [
    number,
    number,
    number,
    number,
  ];
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    votes.time[r] = integer(row[t]!, 'timestamp', line);
    votes.statement[r] = id(row[c]!, 'comment-id', line);
    votes.participant[r] = id(row[v]!, 'voter-id', line);
    votes.vote[r] = voteValue(row[x]!, line);
  });
  return votes;
}

export interface PolisParticipantsVotes {
  /** The latest votes (time 0: this file has no history). */
  votes: VoteTable;
  /** Participant ids in file order, with pol.is's group-id (−1 when empty). */
  participants: Int32Array;
  groupIds: Int32Array;
  /** Comment ids of the vote columns, in file order. */
  commentIds: Int32Array;
}

/** participants-votes.csv: one row per participant, pol.is's group-id, one column per comment. */
export function importPolisParticipantsVotes(
  input: string | Uint8Array,
  options: CsvOptions = {},
): PolisParticipantsVotes {
  const table = parseCsv(input, options);
  const fixed = ['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree'];
  const col = requireColumns(table, 'participants-votes.csv', fixed);
  const first = col.get('n-disagree')! + 1;
  const commentIds = Int32Array.from(table.header.slice(first), (h) => id(h, 'comment column', 1));
  const participants = new Int32Array(table.rows.length);
  const groupIds = new Int32Array(table.rows.length);
  const p: number[] = [];
  const s: number[] = [];
  const v: number[] = [];
  const seen = new Set<number>();
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    const pid = id(row[col.get('participant')!]!, 'participant', line);
    if (seen.has(pid)) throw new PolisImportError(`participant ${pid} appears twice`, line);
    seen.add(pid);
    participants[r] = pid;
    const group = row[col.get('group-id')!]!.trim();
    groupIds[r] = group === '' ? -1 : id(group, 'group-id', line);
    for (let c = first; c < row.length; c++) {
      const cell = row[c]!.trim();
      if (cell === '') continue;
      p.push(pid);
      s.push(commentIds[c - first]!);
      v.push(voteValue(cell, line, `vote for comment ${commentIds[c - first]}`));
    }
  });
  return {
    votes: {
      participant: Int32Array.from(p),
      statement: Int32Array.from(s),
      vote: Int8Array.from(v),
      time: new Float64Array(p.length),
    },
    participants,
    groupIds,
    commentIds,
  };
}

// ── Export ─────────────────────────────────────────────────────────────────────────────────────

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvLine(fields: (string | number)[]): string {
  return `${fields.map(csvField).join(',')}\n`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** pol.is's `datetime` column (Java's Date.toString), in UTC: "Wed Jul 27 14:56:00 UTC 2022". */
export function polisDatetime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`
  );
}

/** Row order of a vote table: by time, then voter, then comment (a stable, input-independent order). */
function voteOrder(votes: VoteTable): number[] {
  return Array.from(votes.vote.keys()).sort(
    (a, b) =>
      votes.time[a]! - votes.time[b]! ||
      votes.participant[a]! - votes.participant[b]! ||
      votes.statement[a]! - votes.statement[b]! ||
      a - b,
  );
}

/** comments.csv in the old layout; `agrees`/`disagrees` counted over every vote row, as pol.is does. */
export function exportPolisComments(comments: readonly PolisComment[], votes: VoteTable): string {
  const agrees = new Map<number, number>();
  const disagrees = new Map<number, number>();
  for (let r = 0; r < votes.vote.length; r++) {
    const s = votes.statement[r]!;
    if (votes.vote[r] === 1) agrees.set(s, (agrees.get(s) ?? 0) + 1);
    if (votes.vote[r] === -1) disagrees.set(s, (disagrees.get(s) ?? 0) + 1);
  }
  let out = csvLine([
    'timestamp',
    'datetime',
    'comment-id',
    'author-id',
    'agrees',
    'disagrees',
    'moderated',
    'comment-body',
  ]);
  for (const c of [...comments].sort((a, b) => a.id - b.id)) {
    out += csvLine([
      c.timestamp,
      polisDatetime(c.timestamp),
      c.id,
      c.authorId,
      agrees.get(c.id) ?? 0,
      disagrees.get(c.id) ?? 0,
      c.moderated,
      c.body,
    ]);
  }
  return out;
}

/** votes.csv: every vote row, oldest first. */
export function exportPolisVotes(votes: VoteTable): string {
  let out = csvLine(['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote']);
  for (const r of voteOrder(votes)) {
    out += csvLine([
      votes.time[r]!,
      polisDatetime(votes.time[r]!),
      votes.statement[r]!,
      votes.participant[r]!,
      votes.vote[r]!,
    ]);
  }
  return out;
}

/**
 * participants-votes.csv: one row per participant with the latest vote per comment, and the
 * group-id from `map` (empty when not clustered or when no map is given).
 */
export function exportPolisParticipantsVotes(
  comments: readonly PolisComment[],
  votes: VoteTable,
  map?: OpinionMap,
): string {
  const statements = statementTable(comments);
  const matrix = buildVoteMatrix(statements, votes);
  const authored = new Map<number, number>();
  for (const c of comments) authored.set(c.authorId, (authored.get(c.authorId) ?? 0) + 1);
  const groupOf = new Map<number, number>();
  if (map) map.participants.id.forEach((pid, i) => groupOf.set(pid, map.participants.group[i]!));
  const ids = Array.from(matrix.statementIds);
  let out = csvLine(['participant', 'group-id', 'n-comments', 'n-votes', 'n-agree', 'n-disagree', ...ids]);
  const cells = new Array<string>(ids.length);
  matrix.participantIds.forEach((pid, p) => {
    cells.fill('');
    let agree = 0;
    let disagree = 0;
    const a = matrix.rowStart[p]!;
    const b = matrix.rowStart[p + 1]!;
    for (let k = a; k < b; k++) {
      const v = matrix.value[k]!;
      cells[matrix.column[k]!] = String(v);
      if (v === 1) agree++;
      if (v === -1) disagree++;
    }
    const group = groupOf.get(pid) ?? -1;
    out += csvLine([pid, group < 0 ? '' : group, authored.get(pid) ?? 0, b - a, agree, disagree, ...cells]);
  });
  return out;
}
