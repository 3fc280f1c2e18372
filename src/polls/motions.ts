import type { AnswersStore, StoredClaim } from '../answers/answers-store.js';
import { compare } from '../answers/compare.js';
import type { Taxonomy } from '../knowledge/taxonomy.js';
import type { Motion } from './poll-store.js';

/** "Header: value; Header: value": a table row needs its table to be understood. */
const TABLE_ROW = /^[^:;]{1,40}: [^;]+;/;

export interface MotionCandidate extends Motion {
  disagreements: number;
}

/**
 * Topics worth a debate, most contested first: where the sources disagree, then any topic with
 * claims on both sides. Each carries one cited claim per side.
 */
export function motionCandidates(answers: AnswersStore, taxonomy: Taxonomy): MotionCandidate[] {
  const out: MotionCandidate[] = [];
  for (const topic of taxonomy.topics) {
    const r = compare(answers, taxonomy, topic.id);
    if (!r.found) continue;
    const { go, python, disagreements } = r.result;
    if (go.length === 0 || python.length === 0) continue;
    // The case for each side: a claim on this topic that favors it and reads on its own (no derived figure,
    // no bare table row), contested ones first.
    const contested = disagreements.flatMap((d) => d.claims);
    const caseFor = (side: 'go' | 'python', column: StoredClaim[]) =>
      [...contested, ...column].find(
        (c) => c.favors === side && c.topics.includes(topic.id) && !c.derived && !TABLE_ROW.test(c.text),
      ) ?? column[0];
    const goClaim = caseFor('go', go);
    const pythonClaim = caseFor('python', python);
    if (!goClaim || !pythonClaim) continue;
    out.push({
      topic: topic.id,
      label: topic.label,
      goClaimId: goClaim.id,
      pythonClaimId: pythonClaim.id,
      disagreements: disagreements.length,
    });
  }
  return out.sort((a, b) => b.disagreements - a.disagreements || a.topic.localeCompare(b.topic));
}

/** The next motion for a channel: the first candidate it has not debated yet; after the last, start over. */
export function pickMotion(
  candidates: MotionCandidate[],
  used: Set<string>,
): { motion: MotionCandidate | undefined; reset: boolean } {
  const fresh = candidates.find((c) => !used.has(c.topic));
  if (fresh) return { motion: fresh, reset: false };
  return { motion: candidates[0], reset: true };
}
