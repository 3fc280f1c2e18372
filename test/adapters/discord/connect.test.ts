import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../src/adapters/discord/index.js';
import { registerCommands } from '../../../src/adapters/discord/register.js';
import { isVersusError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import { FakeDiscord, IDS, type Json } from '../../fakes/discord-fake.js';
import { type Harness, memoryLog, postsIn, startHarness } from '../../fakes/discord-harness.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('GIVEN the app was not granted the Message Content intent', () => {
  let h: Harness;
  it('WHEN the adapter starts THEN Discord closes with 4014, the adapter reconnects without it and says how to enable it', async () => {
    h = await startHarness({ before: (fake) => (fake.gateway.disallowIntents = GatewayIntentBits.MessageContent) });
    cleanups.push(() => h.stop());
    const [first, second] = h.fake.gateway.identifies;
    expect(first!.intents & GatewayIntentBits.MessageContent).toBeTruthy();
    expect(second!.intents & GatewayIntentBits.MessageContent).toBe(0);
    expect(second!.intents & GatewayIntentBits.GuildMessages).toBeTruthy();
    expect(h.fake.gateway.closes.map((c) => c.code)).toContain(4014);
    expect(h.adapter.ready()).toBe(true);
    expect(h.adapter.hasMessageContent()).toBe(false);
    const warning = h.logs.find((l) => l.level === 40 && /Message Content/.test(l.msg));
    expect(warning?.msg).toMatch(/Privileged Gateway Intents/);

    // Slash commands and @mentions (Discord includes their content) still work.
    const i = h.fake.slash('sources');
    expect((await h.fake.waitForCallback(i.id)).body.type).toBe(4);
    const m = h.fake.say('how much memory does a goroutine need?', { mention: true });
    await h.fake.waitFor(() => postsIn(h.fake, m.id).length > 0, 'the answer in the new thread');
  });
});

describe('GIVEN a running connection', () => {
  it('WHEN heartbeats are due THEN they are acknowledged; WHEN the connection drops THEN discord.js resumes the session and interactions still work', async () => {
    const h = await startHarness({ before: (fake) => (fake.gateway.heartbeatIntervalMs = 50) });
    cleanups.push(() => h.stop());
    await h.fake.waitFor(() => h.fake.gateway.heartbeats >= 3, 'three heartbeats');
    expect(h.adapter.ready()).toBe(true);

    h.fake.gateway.dropConnections();
    await h.fake.waitFor(
      () => h.fake.gateway.resumes.length === 1 && h.fake.gateway.connections === 1,
      'the session to be resumed',
    );
    expect(h.fake.gateway.identifies).toHaveLength(1);
    await h.fake.waitFor(() => h.adapter.ready(), 'ready again');
    const i = h.fake.slash('sources');
    expect((await h.fake.waitForCallback(i.id)).body.type).toBe(4);
    expect(h.logs.some((l) => /gateway disconnected|reconnecting/.test(l.msg))).toBe(true);
  });
});

describe('GIVEN a wrong token', () => {
  it('WHEN the adapter starts THEN start() rejects with a platform_error naming DISCORD_TOKEN, and nothing crashes', async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.stop());
    const adapter = createDiscordAdapter({
      config: fake.config({ token: 'wrong' }),
      handler: {} as never,
      logger: createLogger('silent'),
    });
    const err = await adapter.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isVersusError(err, 'platform_error')).toBe(true);
    expect((err as Error).message).toMatch(/DISCORD_TOKEN/);
    expect(adapter.ready()).toBe(false);
  });
});

describe('GIVEN ids that do not match the token', () => {
  it('WHEN the adapter starts THEN it connects but warns about the application id and the guild', async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.stop());
    const log = memoryLog();
    const adapter = createDiscordAdapter({
      config: fake.config({ applicationId: '999', guildId: '998' }),
      handler: {} as never,
      logger: createLogger('info', log.stream),
    });
    cleanups.push(() => adapter.stop());
    await adapter.start();
    const warnings = log.lines
      .filter((l) => l.level === 40)
      .map((l) => l.msg)
      .join('\n');
    expect(warnings).toMatch(/DISCORD_APPLICATION_ID is not the application of DISCORD_TOKEN/);
    expect(warnings).toMatch(/not in DISCORD_GUILD_ID/);
  });
});

describe('registering /versus', () => {
  it('WHEN registered for a guild, twice THEN both are the same bulk overwrite (PUT) of one command with its subcommands', async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.stop());
    const first = await registerCommands(fake.config());
    await registerCommands(fake.config());
    expect(first).toEqual({
      scope: 'guild',
      route: `/applications/${IDS.app}/guilds/${IDS.guild}/commands`,
      commands: ['versus'],
    });
    const puts = fake.rest.find('PUT', /\/commands$/);
    expect(puts).toHaveLength(2);
    expect(puts[1]!.body).toEqual(puts[0]!.body);
    const [versus] = puts[0]!.body as Json[];
    const subs = (versus.options as Json[]).map((o) => o.name);
    expect(subs).toEqual(expect.arrayContaining(['ask', 'compare', 'sources', 'help']));
    const compare = (versus.options as Json[]).find((o) => o.name === 'compare');
    expect(compare.options[0]).toMatchObject({ name: 'topic', type: 3, required: true, autocomplete: true });
    const ask = (versus.options as Json[]).find((o) => o.name === 'ask');
    expect(ask.options[0]).toMatchObject({ name: 'question', type: 3, required: true });
  });

  it('WHEN no guild is configured THEN the commands are registered globally', async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.stop());
    const result = await registerCommands(fake.config({ guildId: undefined }));
    expect(result.scope).toBe('global');
    expect(fake.rest.find('PUT', new RegExp(`^/applications/${IDS.app}/commands$`))).toHaveLength(1);
  });
});

function runCli(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['src/adapters/discord/register-cli.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', VERSUS_ENV_FILE: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += String(c)));
    child.stderr.on('data', (c) => (stderr += String(c)));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

describe('npm run discord:register', () => {
  it('WHEN the Discord variables are missing THEN it exits 1 and says which to set', async () => {
    const r = await runCli({});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Set DISCORD_TOKEN and DISCORD_APPLICATION_ID/);
  });

  it('WHEN only the token is set THEN the config error names DISCORD_APPLICATION_ID', async () => {
    const r = await runCli({ DISCORD_TOKEN: 'x' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DISCORD_APPLICATION_ID: missing/);
  });

  it('WHEN configured THEN it registers through the REST client and reports where', async () => {
    const fake = await FakeDiscord.start();
    cleanups.push(() => fake.stop());
    const env = {
      DISCORD_TOKEN: fake.config().token,
      DISCORD_APPLICATION_ID: IDS.app,
      DISCORD_GUILD_ID: IDS.guild,
      DISCORD_API_URL: fake.rest.apiUrl,
    };
    const r = await runCli(env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Registered /versus in guild ${IDS.guild}`));
    expect(fake.rest.find('PUT', /\/guilds\/\d+\/commands$/)).toHaveLength(1);

    const denied = await runCli({ ...env, DISCORD_TOKEN: 'wrong' });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/401.*Check DISCORD_TOKEN/);
  });
});
