import { afterAll, describe, expect, it } from 'vitest';
import { DISCORD_COMMANDS } from '../../../src/adapters/discord/command-words.js';
import { commandDefinitions } from '../../../src/adapters/discord/commands.js';
import { commandPaths, localizeCommands } from '../../../src/adapters/discord/localize-commands.js';
import { registerCommands } from '../../../src/adapters/discord/register.js';
import { FakeDiscord, type Json } from '../../fakes/discord-fake.js';

/** Discord's rule for command and option names (and so for their localizations): lowercase where a case exists. */
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

interface Node {
  name: string;
  value?: unknown;
  options?: Node[];
  choices?: Node[];
  name_localizations?: Record<string, string>;
  description_localizations?: Record<string, string>;
}

/** Every node with its path, depth-first. */
function nodes(list: readonly Node[], prefix = ''): [string, Node, Node[]][] {
  return list.flatMap((n) => {
    const path = prefix ? `${prefix} ${n.name}` : n.name;
    return [[path, n, list as Node[]] as [string, Node, Node[]], ...nodes(n.options ?? [], path)];
  });
}

describe('localizeCommands on the built /versus JSON', () => {
  const built = commandDefinitions();
  const localized = localizeCommands(built, DISCORD_COMMANDS) as unknown as Node[];
  // `/versus help command:` offers the subcommands by name, and those stay English (help and examples use them).
  const subcommands = new Set(localized[0]!.options!.map((o) => o.name));
  const worded = commandPaths(built).filter((p) => !subcommands.has(p.split('=')[1] ?? ''));

  it.each(Object.entries(DISCORD_COMMANDS))(
    'GIVEN %s THEN it words exactly every command, option and choice',
    (_, t) => {
      expect(Object.keys(t).sort()).toEqual(worded.sort());
    },
  );

  it('GIVEN the localized JSON THEN every localization keeps to Discord’s rules and sibling names stay distinct', () => {
    for (const [locale] of Object.entries(DISCORD_COMMANDS)) {
      for (const [path, node, siblings] of nodes(localized)) {
        const name = node.name_localizations?.[locale] as string | undefined;
        if (name) expect([name, NAME.test(name) && name === name.toLowerCase()], path).toEqual([name, true]);
        const description = node.description_localizations?.[locale] as string | undefined;
        expect(description?.length ?? 0, path).toBeGreaterThan(0);
        expect(description!.length, path).toBeLessThanOrEqual(100);
        for (const c of (node.choices ?? []).filter((c) => !subcommands.has(String(c.value))))
          expect(String(c.name_localizations?.[locale] ?? '').length).toBeGreaterThan(0);
        const shown = siblings.map((s) => s.name_localizations?.[locale] ?? s.name);
        expect(new Set(shown).size, `${path}: localized names among its siblings`).toBe(shown.length);
      }
    }
  });

  it('GIVEN the localized JSON THEN the default names and descriptions, which interactions carry, are unchanged', () => {
    const strip = (n: Json): Json => {
      const { name_localizations: _n, description_localizations: _d, options, choices, ...rest } = n;
      return {
        ...rest,
        ...(options ? { options: options.map(strip) } : {}),
        ...(choices ? { choices: choices.map(strip) } : {}),
      };
    };
    expect((localized as Json[]).map(strip)).toEqual((built as unknown as Json[]).map(strip));
    const ask = localized[0]!.options!.find((o) => o.name === 'ask')!;
    expect(ask.options![0]).toMatchObject({
      name: 'question',
      name_localizations: { de: 'frage' },
      description_localizations: { de: 'z. B. wie viel Speicher braucht eine Goroutine am Anfang?' },
    });
  });

  const fakes: FakeDiscord[] = [];
  afterAll(async () => {
    for (const f of fakes) await f.stop();
  });

  it('WHEN /versus is registered THEN Discord receives the German words with it', async () => {
    const fake = await FakeDiscord.start();
    fakes.push(fake);
    await registerCommands(fake.config());
    const [versus] = fake.rest.find('PUT', /\/commands$/)[0]!.body as Node[];
    expect(versus!.description_localizations).toEqual({
      de: 'Go oder Python für unser Backend? Antworten mit belegten Quellen',
    });
    const poll = versus!.options!.find((o) => o.name === 'poll')!;
    const manage = poll.options!.find((o) => o.name === 'manage')!;
    expect(manage.choices!.map((c) => [c.value, c.name_localizations?.de])).toEqual([
      ['new', 'neu'],
      ['close', 'schließen'],
      ['results', 'ergebnisse'],
      ['export', 'exportieren'],
    ]);
  });
});
