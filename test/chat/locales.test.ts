import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { loadCatalogue } from '../../src/chat/catalogue.js';
import { CATALOGUES, type ChannelPlace, LOCALE_NAMES, Locales, parseLocale } from '../../src/chat/locales.js';
import { spans } from '../../src/chat/rich.js';
import { en, type Strings } from '../../src/chat/strings-en.js';
import { loadConfig } from '../../src/config.js';
import { loadMatrix } from '../../src/matrix/definition.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';

/**
 * Every leaf of a catalogue: its dotted key, and what it is (a string, or a function of n arguments).
 * `factors` is left out: it translates matrix.yaml's factors by id (English is matrix.yaml itself), and is
 * checked against matrix.yaml below.
 */
function leaves(o: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (key === 'factors') continue;
    if (typeof v === 'object' && v !== null) for (const [lk, lv] of leaves(v, key)) out.set(lk, lv);
    else out.set(key, typeof v === 'function' ? `function/${v.length}` : typeof v);
  }
  return out;
}

/** Sample arguments for a catalogue function, by its English key (numbers where English counts). */
const SAMPLE = ['Go', 2, 'p1', true] as const;

/** Arguments for functions the sample does not fit (mentions, lists of names, percentages). */
const ARGS: Record<string, readonly unknown[]> = {
  'walk.statusLine': ['Walk w1', 2, 5, 1, [{ mention: 'U1' }], []],
  'scorecard.split': [['Tight memory limits'], ['ML and data work']],
  'scorecard.weightLabel': [150],
  'weights.changedLine': ['Hiring', 'hiring', '×2', [{ mention: 'U1' }], '2026-03-01'],
  'compare.call': [{ kind: 'ratio', side: 'go', times: '2.9', higher: true }],
};

/** Entries that are the same in every language by design: commands, typed as they are. */
const COMMANDS = new Set(['platform.assistant.prompts.1.message', 'platform.assistant.prompts.3.message']);

describe('the locale catalogues', () => {
  it('GIVEN any shipped catalogue THEN its type is exactly English’s (a missing or extra key does not compile)', () => {
    expectTypeOf(CATALOGUES.de).toEqualTypeOf<Strings>();
    expectTypeOf(CATALOGUES.en).toEqualTypeOf<Strings>();
  });

  it.each(Object.entries(CATALOGUES))('GIVEN %s THEN it has every key of English, each of the same kind', (_, c) => {
    expect(Object.fromEntries(leaves(c))).toEqual(Object.fromEntries(leaves(en)));
  });

  it.each(Object.entries(CATALOGUES).filter(([name]) => name !== 'en'))(
    'GIVEN %s THEN every entry is translated: none renders the English text',
    (_, c) => {
      const text = (v: unknown, args: readonly unknown[]) =>
        typeof v === 'function'
          ? JSON.stringify(spans((v as (...a: unknown[]) => string)(...args.slice(0, v.length))))
          : String(v);
      const same = [...leaves(en).keys()].filter((key) => {
        if (COMMANDS.has(key)) return false;
        const pick = (o: object) => key.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o);
        const args = ARGS[key] ?? (key === 'answers.footer' || key === 'polls.votes' ? [2, 3] : SAMPLE);
        return text(pick(c), args) === text(pick(en), args);
      });
      expect(same).toEqual([]);
    },
  );

  it('GIVEN de THEN every factor of knowledge/matrix.yaml has its own German title and question, and no other', () => {
    const matrix = loadMatrix(join(REAL_KNOWLEDGE, 'matrix.yaml'));
    expect(Object.keys(CATALOGUES.de.factors).sort()).toEqual(matrix.factors.map((f) => f.id).sort());
    expect(CATALOGUES.en.factors).toEqual({});
    const untranslated = matrix.factors.filter((f) => {
      const de = CATALOGUES.de.factors[f.id]!;
      return de.title === f.title || de.question === f.question;
    });
    expect(untranslated).toEqual([]);
  });

  it('GIVEN a locale THEN the one-catalogue loader (one-shot CLI commands) gives the catalogue CATALOGUES holds', async () => {
    for (const locale of LOCALE_NAMES) expect(await loadCatalogue(locale)).toBe(CATALOGUES[locale]);
  });

  it('GIVEN platform locale tags THEN only the language counts and an unknown one falls back', () => {
    expect(['de', 'de-DE', 'de_AT', 'DE', 'en-US', 'en-GB', 'es-ES', '', undefined].map(parseLocale)).toEqual([
      'de',
      'de',
      'de',
      'de',
      'en',
      'en',
      undefined,
      undefined,
      undefined,
    ]);
    const locales = new Locales('de');
    expect(locales.locale({ platform: 'slack', workspaceId: 'T1' })).toBe('de');
    expect(locales.locale({ platform: 'discord', workspaceId: 'G1', locale: 'en-GB' })).toBe('en');
  });

  it('GIVEN VERSUS_LOCALE THEN the config takes a shipped language and names the choices for any other', () => {
    expect(loadConfig({}).locale).toBe('en');
    expect(loadConfig({ VERSUS_LOCALE: 'de-DE' }).locale).toBe('de');
    expect(() => loadConfig({ VERSUS_LOCALE: 'klingon' })).toThrow(/VERSUS_LOCALE.*must be one of en, de/);
  });
});

describe('a channel’s own language', () => {
  /** A store of channels' languages that counts its reads, and a clock for the cache. */
  function rig() {
    const stored = new Map<string, string>();
    const reads: string[] = [];
    let now = 0;
    const locales = new Locales('en', new Map(), {
      channels: {
        channelLocale: async (p: ChannelPlace) => {
          reads.push(p.channelId);
          return stored.get(p.channelId);
        },
      },
      ttlMs: 1000,
      now: () => now,
    });
    return { locales, stored, reads, advance: (ms: number) => (now += ms) };
  }
  const c1 = { platform: 'discord', workspaceId: 'G1', channelId: 'C1' } as const;

  it('GIVEN a channel set to German THEN it beats the request’s and the workspace’s locale; unset channels keep theirs', async () => {
    const { locales, stored } = rig();
    stored.set('C1', 'de');
    const here = await locales.localised({ ...c1, locale: 'en-GB' });
    expect(locales.locale(here)).toBe('de');
    expect(locales.locale(await locales.localised({ ...c1, channelId: 'C2', locale: 'en-GB' }))).toBe('en');
    expect((await locales.at(c1)).polls.closeButton).toBe('Umfrage schließen');
  });

  it('GIVEN requests THEN each reads the channel afresh; redraws reuse the read until the TTL runs out', async () => {
    const { locales, stored, reads, advance } = rig();
    expect((await locales.at(c1)).polls.closeButton).toBe('Close poll');
    expect(locales.locale(await locales.localised(c1))).toBe('en');
    expect(reads).toEqual(['C1', 'C1']);
    stored.set('C1', 'de'); // another replica changes it
    expect((await locales.at(c1)).polls.closeButton).toBe('Close poll'); // cached, 0 ms old
    expect(locales.locale(await locales.localised(c1))).toBe('de'); // a request reads it: 1 more read
    expect((await locales.at(c1)).polls.closeButton).toBe('Umfrage schließen'); // and refreshed the cache
    expect(reads).toHaveLength(3);
    stored.delete('C1');
    advance(1001);
    expect((await locales.at(c1)).polls.closeButton).toBe('Close poll');
    expect(reads).toHaveLength(4);
  });

  it('GIVEN a store that reads a channel’s whole row THEN a request reads it once, for its language and where answers show', async () => {
    const rows: string[] = [];
    const locales = new Locales('en', new Map(), {
      channels: {
        channelLocale: async () => {
          throw new Error('a request reads the row, not the language alone');
        },
        channelRow: async (p: ChannelPlace) => {
          rows.push(p.channelId);
          return { locale: 'de', answers: 'public' as const };
        },
      },
    });
    const ctx: ChannelPlace = await locales.localised({ ...c1 });
    expect([locales.locale(ctx), ctx.channelAnswers]).toEqual(['de', 'public']);
    expect(rows).toEqual(['C1']);
    expect((await locales.at(c1)).polls.closeButton).toBe('Umfrage schließen'); // remembered from that read
  });

  it('GIVEN this process changed a channel’s language THEN its own redraws use it at once', async () => {
    const { locales, reads } = rig();
    await locales.at(c1);
    locales.remember(c1, 'de');
    expect((await locales.at(c1)).polls.closeButton).toBe('Umfrage schließen');
    expect(reads).toEqual(['C1']);
  });
});
