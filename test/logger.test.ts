import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { lines, logger: createLogger('debug', stream) };
}

describe('logging', () => {
  it('never writes tokens, secrets or authorization headers, wherever they sit in a log object', () => {
    const { lines, logger } = capture();
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-secret-bot',
      SLACK_SIGNING_SECRET: 'sign-secret',
      DISCORD_TOKEN: 'discord-secret',
      DISCORD_APPLICATION_ID: '1',
    });
    logger.info({ config }, 'starting');
    logger.info({ token: 'discord-secret', headers: { authorization: 'Bot discord-secret' } }, 'request');
    logger.info({ slack: { botToken: 'xoxb-secret-bot', signingSecret: 'sign-secret' } }, 'slack');
    const all = lines.join('');
    for (const secret of ['xoxb-secret-bot', 'sign-secret', 'discord-secret']) expect(all).not.toContain(secret);
    expect(all).toContain('[redacted]');
  });

  it('writes one JSON object per line with level and message', () => {
    const { lines, logger } = capture();
    logger.warn({ requestId: 'r1' }, 'slow');
    const entry = JSON.parse(lines[0]!) as { level: number; msg: string; requestId: string };
    expect(entry).toMatchObject({ level: 40, msg: 'slow', requestId: 'r1' });
  });
});

describe('configuration', () => {
  it('defaults to the console with no credentials', () => {
    expect(loadConfig({})).toMatchObject({
      dbPath: './data/versus.db',
      knowledgeDir: './knowledge',
      port: 3000,
      slack: undefined,
      discord: undefined,
    });
  });
  it('reads the scheduler and poll-edit intervals, defaulting to 15 s and 1 s, and rejects a bad one by name', () => {
    expect(loadConfig({})).toMatchObject({ schedulerIntervalMs: 15_000, pollUpdateIntervalMs: 1000 });
    expect(loadConfig({ VERSUS_SCHEDULER_INTERVAL_MS: '2000', VERSUS_POLL_UPDATE_INTERVAL_MS: '250' })).toMatchObject({
      schedulerIntervalMs: 2000,
      pollUpdateIntervalMs: 250,
    });
    expect(() => loadConfig({ VERSUS_SCHEDULER_INTERVAL_MS: '5' })).toThrow(/VERSUS_SCHEDULER_INTERVAL_MS/);
    expect(() => loadConfig({ VERSUS_POLL_UPDATE_INTERVAL_MS: 'soon' })).toThrow(/VERSUS_POLL_UPDATE_INTERVAL_MS/);
  });
  it('names the missing variable: a Slack bot token without a signing secret or app token', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET: missing.*SLACK_APP_TOKEN/s);
  });
  it('names the missing variable: a Discord token without an application id', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 't' })).toThrow(/DISCORD_APPLICATION_ID: missing/);
  });
  it('rejects a bad port and a bad API URL by name', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ SLACK_API_URL: 'not a url' })).toThrow(/SLACK_API_URL/);
  });
  it('reads DISCORD_SHARDS as auto or a whole number, unset meaning one process, and says what it takes', () => {
    const discord = { DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '1' };
    expect(loadConfig(discord).discord?.shards).toBeUndefined();
    expect(loadConfig({ ...discord, DISCORD_SHARDS: 'auto' }).discord?.shards).toBe('auto');
    expect(loadConfig({ ...discord, DISCORD_SHARDS: ' 4 ' }).discord?.shards).toBe(4);
    for (const bad of ['0', 'two', '1.5'])
      expect(() => loadConfig({ ...discord, DISCORD_SHARDS: bad })).toThrow(
        /DISCORD_SHARDS: must be "auto".*such as 2/,
      );
    expect(() => loadConfig({ DISCORD_SHARDS: '2' })).toThrow(/DISCORD_SHARDS: .*set DISCORD_TOKEN/);
  });
  it('gives each Discord shard process its own VERSUS_DB through {shard}; outside a shard it is 0', () => {
    const db = { VERSUS_DB: './data/versus-{shard}.db' };
    expect(loadConfig(db).dbPath).toBe('./data/versus-0.db');
    const shard1 = { SHARDING_MANAGER: 'true', SHARDS: '1', SHARD_COUNT: '2' };
    expect(loadConfig({ ...db, ...shard1 }).dbPath).toBe('./data/versus-1.db');
    expect(loadConfig({ VERSUS_DB: './data/v.db', ...shard1 }).dbPath).toBe('./data/v.db');
  });

  it('picks Socket Mode when an app token is given', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack).toMatchObject({
      appToken: 'xapp-1',
    });
  });
});
