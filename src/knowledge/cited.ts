import type { CitedClaim } from './types.js';

/** Strips store-only fields so a Reply carries exactly the platform-neutral claim. */
export function cited(c: CitedClaim): CitedClaim {
  return {
    id: c.id,
    text: c.text,
    side: c.side,
    favors: c.favors,
    kind: c.kind,
    topics: c.topics,
    figures: c.figures,
    citation: c.citation,
    derived: c.derived || undefined,
    alsoIn: c.alsoIn,
  };
}
