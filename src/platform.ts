/** The chat platforms Versus runs on; stored in every shared-state row that belongs to a place. */
export type Platform = 'slack' | 'discord' | 'console';
