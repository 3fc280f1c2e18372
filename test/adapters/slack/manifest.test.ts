import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASK_ABOUT_CALLBACK, NEW_POLL_CALLBACK } from '../../../src/adapters/slack/shortcuts.js';
import { EVENT_SCOPES, manifestProblems, SlackManifest } from '../../support/slack-manifest-schema.js';

const SLACK = join(resolve(import.meta.dirname, '../../..'), 'slack');
const read = (file: string) => JSON.parse(readFileSync(join(SLACK, file), 'utf8')) as unknown;

/** The full manifest, and the narrower one that never receives messages not addressed to Versus. */
const MANIFESTS = ['manifest.json', 'manifest.mentions-only.json'] as const;
/** Message events that deliver every message of a conversation the bot is in, addressed to it or not. */
const ALL_MESSAGES = ['message.channels', 'message.groups', 'message.mpim'];

describe.each(MANIFESTS)('Slack app manifest %s', (file) => {
  const json = read(file);
  const manifest = SlackManifest.parse(json);
  const events = manifest.settings?.event_subscriptions?.bot_events ?? [];
  const scopes = manifest.oauth_config?.scopes?.bot ?? [];

  it("validates against Slack's manifest schema (types, required fields, limits, no unknown keys)", () => {
    expect(manifestProblems(json)).toEqual([]);
  });

  it('declares /versus, the events and interactivity on the one endpoint the adapter serves', () => {
    expect(manifest.features?.slash_commands?.map((c) => c.command)).toEqual(['/versus']);
    for (const url of [
      manifest.features?.slash_commands?.[0]?.url,
      manifest.settings?.event_subscriptions?.request_url,
      manifest.settings?.interactivity?.request_url,
    ])
      expect(url).toMatch(/\/slack\/events$/);
    expect(events).toContain('app_mention');
    expect(manifest.settings?.interactivity?.is_enabled).toBe(true);
  });

  it('asks for the scopes the adapter uses (post, mentions, admin flag, CSV upload)', () => {
    expect(scopes).toEqual(
      expect.arrayContaining(['commands', 'chat:write', 'app_mentions:read', 'users:read', 'files:write']),
    );
  });

  it('has the scope every subscribed event needs, and no history scope without its message event', () => {
    for (const event of events) {
      expect(Object.keys(EVENT_SCOPES), `${event} is an event this test knows`).toContain(event);
      const needs = EVENT_SCOPES[event];
      if (needs) expect(scopes, `${event} needs ${needs}`).toContain(needs);
    }
    for (const scope of scopes.filter((s) => s.endsWith(':history')))
      expect(
        events.some((e) => EVENT_SCOPES[e] === scope),
        `${scope} without its message event`,
      ).toBe(true);
  });

  it('declares the message and global shortcuts the adapter listens for', () => {
    expect(manifest.features?.shortcuts).toContainEqual(
      expect.objectContaining({ type: 'message', callback_id: ASK_ABOUT_CALLBACK, name: 'Ask Versus about this' }),
    );
    expect(manifest.features?.shortcuts).toContainEqual(
      expect.objectContaining({ type: 'global', callback_id: NEW_POLL_CALLBACK }),
    );
  });

  it('enables the Home tab and subscribes to app_home_opened', () => {
    expect(manifest.features?.app_home?.home_tab_enabled).toBe(true);
    expect(events).toContain('app_home_opened');
  });

  it('declares the assistant view, its scope and its thread events', () => {
    expect(manifest.features?.assistant_view?.assistant_description).toMatch(/Go-or-Python/);
    expect(scopes).toContain('assistant:write');
    expect(events).toEqual(
      expect.arrayContaining(['assistant_thread_started', 'assistant_thread_context_changed', 'message.im']),
    );
  });
});

describe('the two manifests', () => {
  const full = SlackManifest.parse(read('manifest.json'));
  const narrow = SlackManifest.parse(read('manifest.mentions-only.json'));

  it('the full one receives every channel message (for follow-ups without a mention); the narrow one none', () => {
    expect(full.settings?.event_subscriptions?.bot_events).toEqual(expect.arrayContaining(ALL_MESSAGES));
    expect(full.oauth_config?.scopes?.bot).toContain('channels:history');
    for (const event of ALL_MESSAGES) expect(narrow.settings?.event_subscriptions?.bot_events).not.toContain(event);
    for (const scope of ['channels:history', 'groups:history', 'mpim:history'])
      expect(narrow.oauth_config?.scopes?.bot).not.toContain(scope);
  });

  it('differ in nothing else', () => {
    const without = (m: SlackManifest, drop: string[]) => ({
      ...m,
      oauth_config: {
        ...m.oauth_config,
        scopes: { bot: m.oauth_config?.scopes?.bot?.filter((s) => !drop.includes(s)) },
      },
      settings: {
        ...m.settings,
        event_subscriptions: {
          ...m.settings?.event_subscriptions,
          bot_events: m.settings?.event_subscriptions?.bot_events?.filter((e) => !drop.includes(e)),
        },
      },
    });
    const dropped = [...ALL_MESSAGES, 'channels:history', 'groups:history', 'mpim:history'];
    expect(without(narrow, dropped)).toEqual(without(full, dropped));
  });

  it('the schema catches what Slack would refuse', () => {
    const bad = structuredClone(full) as Record<string, unknown> & SlackManifest;
    bad.display_information.name = 'A name far longer than thirty-five characters';
    bad.features!.shortcuts![0]!.name = 'Ask Versus about this message please';
    (bad.settings as Record<string, unknown>).event_subscription = {};
    expect(manifestProblems(bad)).toEqual([
      'display_information.name: Too big: expected string to have <=35 characters',
      'features.shortcuts.0.name: Too big: expected string to have <=24 characters',
      'settings: Unrecognized key: "event_subscription"',
    ]);
  });
});
