import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASK_ABOUT_CALLBACK, NEW_POLL_CALLBACK } from '../../src/adapters/slack/shortcuts.js';

const manifest = JSON.parse(
  readFileSync(join(resolve(import.meta.dirname, '../..'), 'slack/manifest.json'), 'utf8'),
) as {
  features: {
    app_home: { home_tab_enabled: boolean };
    assistant_view: { assistant_description: string };
    slash_commands: { command: string; url: string }[];
    shortcuts: { type: string; callback_id: string; name: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
  };
};

describe('Slack app manifest', () => {
  it('declares /versus, the events and interactivity on the one endpoint the adapter serves', () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/versus']);
    for (const url of [
      manifest.features.slash_commands[0]!.url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ])
      expect(url).toMatch(/\/slack\/events$/);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_mention', 'message.channels']),
    );
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it('asks for the scopes the adapter uses (post, mentions, thread history, admin flag, CSV upload)', () => {
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'commands',
        'chat:write',
        'app_mentions:read',
        'channels:history',
        'users:read',
        'files:write',
      ]),
    );
  });

  it('declares the message and global shortcuts the adapter listens for', () => {
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({ type: 'message', callback_id: ASK_ABOUT_CALLBACK, name: 'Ask Versus about this' }),
    );
    expect(manifest.features.shortcuts).toContainEqual(
      expect.objectContaining({ type: 'global', callback_id: NEW_POLL_CALLBACK }),
    );
  });

  it('enables the Home tab and subscribes to app_home_opened', () => {
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toContain('app_home_opened');
  });

  it('declares the assistant view, its scope and its thread events', () => {
    expect(manifest.features.assistant_view.assistant_description).toMatch(/Go-or-Python/);
    expect(manifest.oauth_config.scopes.bot).toContain('assistant:write');
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['assistant_thread_started', 'assistant_thread_context_changed', 'message.im']),
    );
  });
});
