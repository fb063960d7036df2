// The opinion map math engine: a pure library (no database, no network). See docs/ARCHITECTURE.md
// ("opinions/math") and the ADR on opinion map math.
export {
  computeOpinionMap,
  DEFAULT_OPTIONS,
  type OpinionGroup,
  type OpinionMap,
  type OpinionMapInput,
  type OpinionMapOptions,
} from './compute';
export { decodePackedVotes, emptyVoteTable, PACKED_VOTE_BYTES } from './packed-votes';
export {
  runStoredRecompute,
  type StoredRecomputeCall,
  type StoredRecomputeResult,
  type StoredRecomputeStart,
} from './stored-recompute';
export { opinionMapFromJson, opinionMapToJson } from './serialize';
export { statementTable, voteTable, type StatementTable, type VoteTable } from './vote-matrix';
export {
  groupInformedConsensusGeometric,
  groupInformedConsensusReference,
  type ConsensusStatement,
  type RepresentativeStatement,
} from './repness';
export {
  DEFAULT_MAX_BYTES,
  exportPolisComments,
  exportPolisParticipantsVotes,
  exportPolisVotes,
  importPolisComments,
  importPolisParticipantsVotes,
  importPolisVotes,
  PolisImportError,
  type PolisComment,
} from './polis-csv';
