/**
 * Reads a conversation folder of the pol.is open data (comments.csv, votes.csv when present,
 * participants-votes.csv) for the tests and the bench. The only file of the engine that touches
 * the file system; the service will read its votes from the database instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { StatementTable, VoteTable } from './vote-matrix';
import {
  importPolisComments,
  importPolisParticipantsVotes,
  importPolisVotes,
  type PolisComment,
} from './polis-csv';

/** Where the shared development subset lives: ../shared/data/polis beside the project. */
export const POLIS_DATA_DIR = path.resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'shared',
  'data',
  'polis',
);

export interface PolisConversation {
  name: string;
  comments: PolisComment[];
  statements: StatementTable;
  /** From votes.csv (full history) when the folder has it, else from participants-votes.csv. */
  votes: VoteTable;
  votesFrom: 'votes.csv' | 'participants-votes.csv';
  /** pol.is's group-id per participant id (only those with one). */
  polisGroups: Map<number, number>;
}

/** Conversation folders that have participants-votes.csv (so votes and pol.is's groups). */
export function listPolisConversations(dir = POLIS_DATA_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'participants-votes.csv')))
    .sort();
}

export function readPolisConversation(name: string, dir = POLIS_DATA_DIR): PolisConversation {
  const folder = path.join(dir, name);
  const file = (f: string) => fs.readFileSync(path.join(folder, f));
  const { comments, statements } = importPolisComments(file('comments.csv'));
  const pv = importPolisParticipantsVotes(file('participants-votes.csv'));
  const hasHistory = fs.existsSync(path.join(folder, 'votes.csv'));
  const polisGroups = new Map<number, number>();
  pv.participants.forEach((pid, i) => {
    if (pv.groupIds[i]! >= 0) polisGroups.set(pid, pv.groupIds[i]!);
  });
  return {
    name,
    comments,
    statements,
    votes: hasHistory ? importPolisVotes(file('votes.csv')) : pv.votes,
    votesFrom: hasHistory ? 'votes.csv' : 'participants-votes.csv',
    polisGroups,
  };
}
