// The Joplin fork of turndown-plugin-gfm ships no types; this is the part Versus uses.
declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  export const gfm: TurndownService.Plugin;
}
