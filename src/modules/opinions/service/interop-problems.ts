/**
 * The refusals of a pol.is import as messages the secretariat reads in their own language (kept
 * apart from interop.ts so that the catalog check reads only message keys here).
 */
import type { MessageKey, TranslateParams } from '../../../platform/i18n/t';
import { DEFAULT_MAX_BYTES, PolisImportError } from '../math';

/** Largest file accepted per upload (the engine's own limit; the largest open-data file is 3.3 MB). */
export const IMPORT_MAX_BYTES = DEFAULT_MAX_BYTES;

/** The upload fields of the import form. */
export type ImportFile = 'comments' | 'votes' | 'participantsVotes';

/** A problem to show beside a field: a message key and its parameters. */
export interface Problem {
  key: MessageKey;
  params?: TranslateParams;
}

/** A refusal of one file; becomes a form error on that file's field. */
export class FileProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly status: 413 | 422 = 422,
  ) {
    super(problem.key);
  }
}

/** Every refused file of one import, by field. */
export class FileProblems extends Error {
  constructor(readonly problems: Map<ImportFile, FileProblem>) {
    super([...problems.keys()].join(', '));
  }
}

/**
 * The engine's refusals (English, with a line number) as messages the secretariat reads in their
 * own language. The patterns are those of math/polis-csv.ts; interop.test.ts has one case each.
 */
export function problemOf(error: unknown): FileProblem {
  if (error instanceof FileProblem) return error;
  if (error instanceof TypeError && /encoded|decode/i.test(error.message)) {
    return new FileProblem({ key: 'opinions.import.error.encoding' });
  }
  if (!(error instanceof PolisImportError)) throw error;
  const line = error.line;
  const m = error.message;
  let match: RegExpExecArray | null;
  if (/larger than the limit/.test(m)) {
    return new FileProblem(
      { key: 'opinions.import.error.tooLarge', params: { mb: IMPORT_MAX_BYTES / 1024 / 1024 } },
      413,
    );
  }
  if ((match = /missing column\(s\) (.*) \(found/.exec(m))) {
    return new FileProblem({ key: 'opinions.import.error.columns', params: { columns: match[1]! } });
  }
  if (/file is empty/.test(m)) return new FileProblem({ key: 'opinions.import.error.empty' });
  if (/is not -1, 0 or 1/.test(m))
    return new FileProblem({ key: 'opinions.import.error.vote', params: { line } });
  if (/is not an integer|is out of range|is not between/.test(m)) {
    return new FileProblem({ key: 'opinions.import.error.number', params: { line } });
  }
  if (/appears twice/.test(m))
    return new FileProblem({ key: 'opinions.import.error.twice', params: { line } });
  if (/fields where the header has/.test(m)) {
    return new FileProblem({ key: 'opinions.import.error.fieldCount', params: { line } });
  }
  if (/quote/.test(m)) return new FileProblem({ key: 'opinions.import.error.quotes', params: { line } });
  return new FileProblem({ key: 'opinions.import.error.line', params: { line } });
}
