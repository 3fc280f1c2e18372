import { describe, expect, it } from 'vitest';
import { restApiBase } from '../../../src/adapters/discord/client.js';
import {
  autocompleteOption,
  commandDefinitions,
  SUBCOMMANDS,
  subcommand,
} from '../../../src/adapters/discord/commands.js';
import { withoutMention } from '../../../src/adapters/discord/context.js';
import { COMMAND } from '../../../src/adapters/discord/limits.js';
import { parseCommand } from '../../../src/chat/parse-command.js';
import { testCore } from '../../helpers/core.js';

const NAMES = SUBCOMMANDS.map((s) => s.name);

// Slash-command options → the text the core parses. The core validates; these only need to round-trip.

const text = (sub: string, values: Record<string, string | boolean> = {}) => subcommand(sub)!.toText(values);

describe('subcommand options → command text', () => {
  it.each([
    [
      'ask',
      { question: 'how much memory does a goroutine start with?' },
      'ask how much memory does a goroutine start with?',
    ],
    ['compare', { topic: 'concurrency' }, 'compare concurrency'],
    ['sources', {}, 'sources'],
    ['help', {}, 'help'],
    ['help', { command: 'compare' }, 'help compare'],
    ['poll', {}, 'poll'],
    [
      'poll',
      { question: 'Which for "billing"?', options: 'Go | Python |  Rust ', public: true, duration: '2h' },
      `poll "Which for 'billing'?" "Go" "Python" "Rust" public for 2h`,
    ],
    ['poll', { manage: 'close', id: 'p3k9x2' }, 'poll close p3k9x2'],
    [
      'schedule',
      { action: 'add', when: 'every monday at 10:00', timezone: 'Europe/Berlin' },
      'schedule add every monday at 10:00 --tz Europe/Berlin',
    ],
    ['schedule', { action: 'list' }, 'schedule list'],
    ['schedule', { action: 'remove', id: 's1' }, 'schedule remove s1'],
    ['matrix', { mode: 'start' }, 'matrix'],
    ['matrix', { mode: 'solo' }, 'matrix solo'],
    ['matrix', { mode: 'weights' }, 'matrix weights'],
    ['matrix', { mode: 'weights', factor: 'hiring', weight: '2' }, 'matrix weights hiring 2'],
    ['matrix', { mode: 'weights', factor: 'reset' }, 'matrix weights reset'],
    ['verdict', { situation: 'four of us, MVP by spring' }, 'verdict four of us, MVP by spring'],
  ] as const)('/versus %s %o → "%s"', (sub, values, expected) => {
    expect(text(sub, values)).toBe(expected);
  });

  it('has a subcommand for every registered feature, and none for a feature that does not exist', async () => {
    const core = await testCore();
    try {
      expect(SUBCOMMANDS.map((s) => s.name).sort()).toEqual([...core.handler.names].sort());
    } finally {
      await core.close();
    }
  });

  it('produces text the core parses as the same command, for every subcommand', () => {
    for (const s of SUBCOMMANDS) {
      const values = Object.fromEntries(
        s.options.filter((o) => o.required).map((o) => [o.name, o.choices?.[0] ?? 'concurrency things']),
      );
      const parsed = parseCommand(s.toText(values), NAMES);
      expect(parsed.ok && parsed.value.name, s.name).toBe(s.name);
    }
  });

  it("asks the core to autocomplete only compare's topic", () => {
    expect(autocompleteOption('compare', 'topic')).toBe('topic');
    expect(autocompleteOption('ask', 'question')).toBeUndefined();
    expect(autocompleteOption(null, 'topic')).toBeUndefined();
  });
});

describe('command definitions', () => {
  it("are one /versus command whose subcommands pass discord.js validation and Discord's limits", () => {
    const [versus, ...rest] = commandDefinitions();
    expect(rest).toHaveLength(0);
    expect(versus!.name).toBe('versus');
    // Server and user installs, usable in servers, the bot's DMs and group DMs (user-installable app).
    expect(versus!.integration_types).toEqual([0, 1]);
    expect(versus!.contexts).toEqual([0, 1, 2]);
    expect(versus!.options!.length).toBeLessThanOrEqual(25);
    for (const sub of SUBCOMMANDS) {
      expect(sub.description.length).toBeLessThanOrEqual(COMMAND.description);
      for (const o of sub.options)
        expect(o.description.length, `${sub.name}.${o.name}`).toBeLessThanOrEqual(COMMAND.description);
    }
  });
});

describe('small helpers', () => {
  it("removes the bot's user and role mentions from a message", () => {
    expect(withoutMention('<@42> how fast is go?', '42')).toBe('how fast is go?');
    expect(withoutMention('hey <@!42>  and <@&7> compare gil <@43>', '42', ['7'])).toBe('hey and compare gil <@43>');
  });

  it('trims the API base so discord.js can append /v10', () => {
    expect(restApiBase('http://127.0.0.1:9/api/v10/')).toBe('http://127.0.0.1:9/api');
    expect(restApiBase('http://127.0.0.1:9/api')).toBe('http://127.0.0.1:9/api');
    expect(restApiBase(undefined)).toBeUndefined();
  });
});
