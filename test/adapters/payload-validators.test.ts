import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Json } from '../fakes/discord-fake.js';
import { type Harness, startHarness } from '../fakes/discord-harness.js';
import { type SlackRig, slackRig } from '../fakes/slack-harness.js';
import { REAL_KNOWLEDGE } from '../helpers/core.js';
import { blockKitProblems, viewProblems } from '../support/block-kit.js';
import { discordPayloadProblems } from '../support/discord-payload.js';

/**
 * Every payload Versus sends while a user goes through each command — on the real knowledge, so answers
 * are long and paged — checked with validators nobody here wrote: Discord bodies with @discordjs/builders'
 * predicates, Slack blocks against Block Kit's documented limits (their shapes are typed by @slack/types
 * through the renderers, so `tsc` checks those). The fakes accept whatever they get; this is what Slack
 * and Discord would refuse.
 */
const COMMANDS = [
  'help',
  'help poll',
  'ask how much memory does a goroutine start with?',
  'ask which is faster for web APIs?',
  'ask what is the weather in Paris?',
  'compare concurrency',
  'compare performance',
  'compare ecosystem',
  'sources',
  'poll',
  'poll "Which queue?" "Kafka" "RabbitMQ" "NATS" public for 2h',
  'matrix',
  'matrix status',
  'settings',
  'schedule add every monday at 10:00',
  'schedule list',
  'report',
  'home',
  'nonsense-command',
];

type SlackButton = { action_id?: string; text?: { text?: string } };
const buttonsOf = (blocks: unknown): SlackButton[] =>
  ((blocks ?? []) as { type: string; elements?: SlackButton[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

describe('Slack payloads against Block Kit limits (real adapter, real knowledge)', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await slackRig({ knowledgeDir: REAL_KNOWLEDGE });
    rig.fake.admins.add('UADMIN');
    for (const text of COMMANDS) await rig.command(text, 'UADMIN');
    // Click every button of the first poll and of the walk once, open the Home tab and the poll form.
    const posted = rig.fake.callsOf('chat.postMessage').filter((c) => c.result);
    for (const message of posted.slice(0, 3))
      for (const b of buttonsOf(message.body.blocks).filter((x) => !/close|cancel|finish/i.test(x.text?.text ?? '')))
        await rig.send.action(b.action_id!, {
          user: 'U2',
          channel: String(message.body.channel),
          messageTs: String(message.result!.ts),
          responseUrl: rig.fake.responseUrl(),
        });
    await rig.send.event(
      { type: 'app_home_opened', user: 'UADMIN', channel: 'D1', tab: 'home', event_ts: '1.1' },
      {
        eventId: 'EvHome1',
      },
    );
    await rig.send.command('poll new', { responseUrl: rig.fake.responseUrl(), user: 'UADMIN' });
    await rig.fake.waitFor(() => rig.fake.callsOf('views.publish').length > 0 && rig.fake.callsOf('views.open')[0]);
  }, 120_000);
  afterAll(() => rig.close());

  it('every message, ephemeral, response_url reply and view is within Block Kit limits', () => {
    const problems: string[] = [];
    let messages = 0;
    let views = 0;
    for (const c of rig.fake.calls) {
      if (c.body.blocks !== undefined) {
        messages++;
        for (const p of blockKitProblems(c.body.blocks, 'message')) problems.push(`${c.method} ${p}`);
      }
      if (c.body.view !== undefined) {
        views++;
        const view = (typeof c.body.view === 'string' ? JSON.parse(c.body.view) : c.body.view) as Json;
        for (const p of viewProblems(view)) problems.push(`${c.method} ${p}`);
      }
    }
    for (const r of rig.fake.responses)
      if (r.body.blocks !== undefined) {
        messages++;
        for (const p of blockKitProblems(r.body.blocks, 'message')) problems.push(`response_url ${p}`);
      }
    expect(problems).toEqual([]);
    expect(messages).toBeGreaterThanOrEqual(COMMANDS.length);
    expect(views).toBeGreaterThanOrEqual(2);
  });

  it('the checker refuses what Slack refuses', () => {
    const long = 'x'.repeat(3001);
    expect(
      blockKitProblems(
        [
          { type: 'section', text: { type: 'mrkdwn', text: long } },
          {
            type: 'actions',
            elements: Array.from({ length: 26 }, (_, i) => ({
              type: 'button',
              action_id: `a${i}`,
              text: { type: 'plain_text', text: 'ok' },
            })),
          },
          { type: 'header', text: { type: 'mrkdwn', text: 'no' } },
        ],
        'message',
      ),
    ).toEqual([
      'blocks.0(section).text: 3001 characters (3000)',
      'blocks.1(actions): 26 elements (1–25)',
      'blocks.2(header).text: a text object of type plain_text',
    ]);
  });
});

describe('Discord payloads against @discordjs/builders validators (real adapter, real knowledge)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ knowledgeDir: REAL_KNOWLEDGE });
    const subs: [string, Record<string, string | boolean>][] = [
      ['help', {}],
      ['ask', { question: 'how much memory does a goroutine start with?' }],
      ['ask', { question: 'which is faster for web APIs?' }],
      ['compare', { topic: 'concurrency' }],
      ['compare', { topic: 'performance' }],
      ['sources', {}],
      ['poll', {}],
      ['poll', { question: 'Which queue?', options: 'Kafka | RabbitMQ | NATS', public: true, duration: '2h' }],
      ['poll', { manage: 'new' }],
      ['matrix', {}],
      ['settings', {}],
      ['schedule', { action: 'list' }],
      ['report', {}],
      ['home', {}],
    ];
    for (const [sub, options] of subs) {
      const i = h.fake.slash(sub, options);
      const cb = await h.fake.waitForCallback(String(i.id));
      if ((cb.body as Json).type === 5)
        await h.fake.waitFor(() => h.fake.webhook(String(i.token)).find((r) => r.method === 'PATCH'), `${sub} answer`);
    }
    h.fake.autocomplete('compare', 'topic', 'con');
    // Click the vote buttons of the first poll once.
    const poll = h.fake.rest.requests.find((r) => /Team Go/.test(JSON.stringify(r.body)) && r.method !== 'GET');
    const message = ((poll?.body as Json)?.data ?? poll?.body) as Json;
    const ids = JSON.stringify(message ?? {}).match(/"custom_id":"(v1:[^"]+)"/g) ?? [];
    for (const raw of ids.slice(0, 3)) {
      const click = h.fake.click(raw.slice(13, -1), {
        components: message.components as Json[],
        flags: Number(message.flags),
      });
      await h.fake.waitForCallback(String(click.id));
    }
    // The votes re-render the poll message in place.
    await h.fake.waitFor(
      () => h.fake.rest.requests.find((r) => r.method === 'PATCH' && /^\/channels\/\d+\/messages\/\d+$/.test(r.path)),
      'the poll message edited after the votes',
    );
  }, 120_000);
  afterAll(() => h.stop());

  it('every message, callback, follow-up and modal passes the builders’ validators', () => {
    const sent = h.fake.rest.requests.filter(
      (r) =>
        ['POST', 'PATCH'].includes(r.method) &&
        /^\/(interactions\/\d+\/[^/]+\/callback|webhooks\/\d+\/|channels\/\d+\/messages)/.test(r.path) &&
        r.body &&
        typeof r.body === 'object',
    );
    const problems = sent.flatMap((r) =>
      discordPayloadProblems(r.body as Json).map((p) => `${r.method} ${r.path} ${p}`),
    );
    expect(problems).toEqual([]);
    expect(sent.length).toBeGreaterThanOrEqual(14);
    expect(sent.some((r) => (r.body as Json).type === 9)).toBe(true); // the poll form (a modal)
  });

  it('the checker refuses what Discord refuses', () => {
    expect(
      discordPayloadProblems({
        components: [{ type: 1, components: [{ type: 2, style: 1, label: 'x'.repeat(81), custom_id: 'a' }] }],
        embeds: [{ title: 't'.repeat(257) }],
      }),
    ).toEqual([
      'message.embeds.0.title: Expected values to be equals; Invalid string length',
      'message.components.0.0.label: Invalid string length',
    ]);
  });
});
