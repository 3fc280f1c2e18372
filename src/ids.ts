import { randomBytes } from 'node:crypto';

/** Short ids users can type ("p3k9x2"): a letter for the kind, six lowercase alphanumerics. */
export const newId = (prefix: string) =>
  `${prefix}${randomBytes(5).toString('base64url').replace(/[-_]/g, 'x').slice(0, 6).toLowerCase()}`;
