/**
 * Which @mentions and assistant-pane messages get a verdict instead of an answer: a question about the choice
 * itself ("should we use Go for …", "Go or Python for …") that also describes a situation, i.e. sets at least
 * MIN_FACTORS factors. "Should we use Go for a CLI tool?" names one factor: the cited answer serves it better.
 */
export const DECISION_QUESTION =
  /\b(?:should (?:we|i|our team|the team) (?:use|pick|choose|go with|build (?:it |this |that )?(?:in|with)|write (?:it |this |that )?in|switch to|move to|migrate to|adopt|stick with)\s+(?:go|golang|python)\b|(?:go|golang) or python\b|python or (?:go|golang)\b|(?:go|golang) vs\.? python\b|python vs\.? (?:go|golang)\b|which (?:language|one|stack) should (?:we|i)\b)/i;

/** How many factors a message must set before it counts as a situation. */
export const MIN_FACTORS = 2;

/** The longest situation read: a sentence or two, and a bound on the work one message can cause. */
export const MAX_SITUATION_CHARS = 2000;

export const asksForDecision = (text: string) => text.length <= MAX_SITUATION_CHARS && DECISION_QUESTION.test(text);
