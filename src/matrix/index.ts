import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswersStore } from '../answers/answers-store.js';
import type { Feature, FeatureDeps } from '../chat/feature.js';
import type { Button } from '../chat/reply.js';
import type { Strings } from '../chat/strings-en.js';
import { VersusError } from '../errors.js';
import { loadMatrix, type Matrix, missingClaims } from './definition.js';
import { matrixFeature } from './matrix-feature.js';
import { MatrixStore } from './matrix-store.js';
import { WalkService } from './walk-service.js';
import { MatrixWeights } from './weights-store.js';

export interface MatrixParts {
  /** The sources' matrix (knowledge/matrix.yaml); channels may weigh it differently (`weights`). */
  matrix?: Matrix | undefined;
  walks?: WalkService | undefined;
  /** The walks' store, for what reads finished walks (decision records). */
  store?: MatrixStore | undefined;
  weights: MatrixWeights;
  features: Feature[];
}

/** The decision-matrix walk, when the knowledge folder has a matrix.yaml. */
export function createMatrix(
  deps: FeatureDeps,
  opts: { answers: AnswersStore; load?: boolean; exportButton?: (walkId: string, t: Strings) => Button },
): MatrixParts {
  // One-shot CLI commands skip reading and checking matrix.yaml: they never walk it.
  const matrix = opts.load === false ? undefined : loadMatrixChecked(deps.knowledgeDir, opts.answers);
  const weights = new MatrixWeights(deps.shared);
  const store = new MatrixStore(deps.shared);
  const walks =
    matrix &&
    new WalkService({
      matrix,
      weights,
      exportButton: opts.exportButton,
      store,
      leases: deps.leases,
      answers: opts.answers,
      locales: deps.locales,
      ports: deps.ports,
      clock: deps.clock,
      logger: deps.logger,
      updateIntervalMs: deps.updateIntervalMs,
    });
  const tuning = matrix && { matrix, weights, clock: deps.clock, locales: deps.locales };
  return { matrix, walks, store, weights, features: [matrixFeature(deps.locales, walks, tuning)] };
}

/** knowledge/matrix.yaml, validated, with every cited claim checked against the index. */
function loadMatrixChecked(knowledgeDir: string, answers: AnswersStore): Matrix | undefined {
  const path = join(knowledgeDir, 'matrix.yaml');
  if (!existsSync(path)) return undefined;
  const matrix = loadMatrix(path);
  const missing = missingClaims(matrix, (ids) => new Set(answers.claimsByIds(ids).map((c) => c.id)));
  if (missing.length) {
    const list = missing
      .slice(0, 8)
      .map((m) => `  factor ${m.factor}: claim ${m.claim}`)
      .join('\n');
    throw new VersusError(
      'knowledge_invalid',
      `${path} cites claims that are not in the index (a digest changed?):\n${list}\nFind current ids with: versus ask --json "<words of the claim>"`,
    );
  }
  return matrix;
}
