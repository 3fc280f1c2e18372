import { createHash } from 'node:crypto';
import type { Taxonomy } from './taxonomy.js';

/** Bump when extraction changes so every document is re-indexed once. */
export const INDEXER_VERSION = '3';

/** Tagging depends on the extraction code and the taxonomy: when either changes, every document is stale. */
export function indexGeneration(taxonomy: Taxonomy): string {
  return createHash('sha256')
    .update(
      `${INDEXER_VERSION}\n${JSON.stringify({ topics: taxonomy.topics, sides: taxonomy.sides, metrics: taxonomy.metricsSource })}`,
    )
    .digest('hex');
}
