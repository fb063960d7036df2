// Checks against pol.is's own results on the open data in ../shared/data/polis (CC BY 4.0, The
// Computational Democracy Project; see that folder's README for the attribution of each
// conversation). Skipped, with a message, when the folder is absent.
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { adjustedRandIndex } from './adjusted-rand-index';
import { computeOpinionMap, type OpinionMap, type OpinionMapInput } from './compute';
import { importPolisComments, importPolisParticipantsVotes, parseCsv } from './polis-csv';
import { listPolisConversations, POLIS_DATA_DIR, readPolisConversation } from './polis-open-data';
import { countVotesByGroup, groupInformedConsensusReference } from './repness';
import { buildVoteMatrix } from './vote-matrix';

const available = fs.existsSync(POLIS_DATA_DIR);
if (!available) {
  console.warn(
    `opinions/math: ${POLIS_DATA_DIR} is absent; the checks against pol.is's open data are skipped.`,
  );
}

/**
 * Conversations where pol.is grouped every participant, 51 of them (affordable-housing) with a
 * single vote: older pol.is code with no minimum-vote rule at export time. No rule that matches
 * the other conversations can match these; our rule is checked on the others.
 */
const GROUPED_EVERYONE = new Set(['scoop-hivemind.affordable-housing', 'scoop-hivemind.freshwater']);

describe.skipIf(!available)('on the pol.is open data', () => {
  test("group-informed consensus computed the reference way reproduces bg2050-volunteers's column", () => {
    const dir = `${POLIS_DATA_DIR}/bg2050-volunteers`;
    const { statements } = importPolisComments(fs.readFileSync(`${dir}/comments.csv`));
    const expected = parseCsv(fs.readFileSync(`${dir}/comments.csv`));
    const pv = importPolisParticipantsVotes(fs.readFileSync(`${dir}/participants-votes.csv`));
    const matrix = buildVoteMatrix(statements, pv.votes);
    const groupOfId = new Map(Array.from(pv.participants, (pid, i) => [pid, pv.groupIds[i]!]));
    const groupOf = Int32Array.from(matrix.participantIds, (pid) => groupOfId.get(pid) ?? -1);

    const gic = groupInformedConsensusReference(countVotesByGroup(matrix, groupOf, 2));

    const idColumn = expected.header.indexOf('comment-id');
    const gicColumn = expected.header.indexOf('group-informed-consensus');
    let worst = 0;
    for (const row of expected.rows) {
      const j = matrix.statementIds.indexOf(Number(row[idColumn]));
      worst = Math.max(worst, Math.abs(gic[j]! - Number(row[gicColumn])));
    }
    console.log(
      `bg2050-volunteers: largest difference from pol.is's group-informed-consensus column: ${worst}`,
    );
    expect(expected.rows.length).toBe(371);
    expect(worst).toBeLessThan(1e-9);
  });

  test("clusters the participants pol.is grouped (within 2), and reports agreement with pol.is's groups", () => {
    const report: string[] = [];
    for (const name of listPolisConversations()) {
      const conversation = readPolisConversation(name);
      const run = (options: OpinionMapInput['options'] = {}) =>
        computeOpinionMap({ statements: conversation.statements, votes: conversation.votes, options });
      const map = run();

      const ours = new Set(Array.from(map.participants.id).filter((_, i) => map.participants.inConv[i]));
      const theirs = new Set(conversation.polisGroups.keys());
      const differ =
        [...ours].filter((p) => !theirs.has(p)).length + [...theirs].filter((p) => !ours.has(p)).length;
      if (GROUPED_EVERYONE.has(name)) expect(theirs.size).toBeGreaterThan(ours.size);
      else expect(differ, name).toBeLessThanOrEqual(2);

      const ari = (m: OpinionMap) => {
        const both = Array.from(m.participants.id.keys()).filter(
          (i) => m.participants.group[i]! >= 0 && theirs.has(m.participants.id[i]!),
        );
        return adjustedRandIndex(
          both.map((i) => conversation.polisGroups.get(m.participants.id[i]!)!),
          both.map((i) => m.participants.group[i]!),
        ).toFixed(3);
      };
      const polisSizes = new Map<number, number>();
      for (const g of conversation.polisGroups.values()) polisSizes.set(g, (polisSizes.get(g) ?? 0) + 1);
      report.push(
        `| ${name} | ${map.counts.participants} | ${theirs.size} | ${ours.size} | ${differ} | ` +
          `${[...polisSizes.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([, n]) => n)
            .join(' / ')} | ` +
          `${map.groups.map((g) => g.size).join(' / ')} | ${ari(map)} | ` +
          `${ari(run({ uniformVoters: 'cluster' }))} | ${ari(run({ sparsityCorrection: 'active' }))} | ` +
          `${withinShare(map, (i) => map.participants.group[i]!, theirs)} | ` +
          `${withinShare(map, (i) => conversation.polisGroups.get(map.participants.id[i]!) ?? -1, theirs)} |`,
      );
    }
    console.log(
      [
        '| conversation | participants | pol.is grouped | we cluster | differ | pol.is groups | our groups | ARI | ARI, uniform voters as pol.is | ARI, active-only correction | within-group share, ours | within-group share, pol.is |',
        '|---|---|---|---|---|---|---|---|---|---|---|---|',
        ...report,
      ].join('\n'),
    );
    expect(report.length).toBe(listPolisConversations().length);
  }, 120_000);
});

/**
 * Share of the spread of the map (sum of squared distances to the mean) left inside the groups of
 * a labelling, over the participants both sides clustered: lower is a tighter partition.
 */
function withinShare(map: OpinionMap, label: (i: number) => number, theirs: Set<number>): string {
  const { x, y, id, group } = map.participants;
  const idx = Array.from(id.keys()).filter((i) => group[i]! >= 0 && theirs.has(id[i]!) && label(i) >= 0);
  const spread = (of: (i: number) => number) => {
    const sums = new Map<number, [number, number, number]>();
    for (const i of idx) {
      const s = sums.get(of(i)) ?? [0, 0, 0];
      sums.set(of(i), [s[0] + x[i]!, s[1] + y[i]!, s[2] + 1]);
    }
    return idx.reduce((total, i) => {
      const [sx, sy, n] = sums.get(of(i))!;
      return total + (x[i]! - sx / n) ** 2 + (y[i]! - sy / n) ** 2;
    }, 0);
  };
  return (spread(label) / spread(() => 0)).toFixed(3);
}
