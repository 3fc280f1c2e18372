/** A decision factor's words as a walk asks it. */
export interface FactorText {
  title: string;
  question: string;
}

/**
 * The decision factors' titles and questions by factor id. English is knowledge/matrix.yaml itself (its
 * words are the source), so this is empty; another locale translates the factors it knows, and a factor
 * it does not know (an operator's own) keeps matrix.yaml's words.
 */
export const factorsEn: Readonly<Record<string, FactorText>> = {};
