import { createHmac } from 'node:crypto';

/** Slack's v0 request signature: HMAC-SHA256 over `v0:<timestamp>:<raw body>` with the signing secret. */
export function signature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface Sent {
  status: number;
  body: string;
  ms: number;
  /** Response headers, lower-case names (e.g. what a proxy in front of the app adds). */
  headers: Record<string, string>;
}

/** Sends signed requests to a Slack app's endpoint in Slack's documented formats. */
export class SlackSender {
  private last: { body: string; headers: Record<string, string> } | undefined;

  constructor(
    private readonly url: string,
    private readonly secret: string,
  ) {}

  async send(
    body: string,
    contentType: string,
    opts: { timestamp?: number; secret?: string; headers?: Record<string, string> } = {},
  ): Promise<Sent> {
    const ts = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const headers = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signature(opts.secret ?? this.secret, ts, body),
      ...opts.headers,
    };
    this.last = { body, headers };
    return this.post(body, headers);
  }

  /** Sends the previous request again, byte for byte (a replay an attacker could capture). */
  replayLast(opts: { url?: string; signatureSuffix?: string } = {}): Promise<Sent> {
    if (!this.last) throw new Error('nothing sent yet');
    const headers = { ...this.last.headers };
    headers['x-slack-signature'] += opts.signatureSuffix ?? '';
    return this.post(this.last.body, headers, opts.url);
  }

  private async post(body: string, headers: Record<string, string>, url = this.url): Promise<Sent> {
    const started = performance.now();
    const res = await fetch(url, { method: 'POST', headers, body });
    const text = await res.text();
    return {
      status: res.status,
      body: text,
      ms: performance.now() - started,
      headers: Object.fromEntries(res.headers),
    };
  }

  /** A slash command, form-encoded as Slack posts it. */
  command(
    text: string,
    f: {
      user?: string;
      channel?: string;
      responseUrl: string;
      team?: string;
      enterprise?: string;
      /** From a workspace of an Enterprise Grid organisation that installed the app org-wide. */
      orgWide?: boolean;
    },
    opts?: Parameters<SlackSender['send']>[2],
  ): Promise<Sent> {
    const form = new URLSearchParams({
      token: 'deprecated',
      team_id: f.team ?? 'T0FAKE',
      ...(f.enterprise ? { enterprise_id: f.enterprise } : {}),
      ...(f.orgWide ? { is_enterprise_install: 'true' } : {}),
      team_domain: 'fake',
      channel_id: f.channel ?? 'C1',
      channel_name: 'backend',
      user_id: f.user ?? 'U1',
      user_name: 'ann',
      command: '/versus',
      text,
      api_app_id: 'A1',
      response_url: f.responseUrl,
      trigger_id: `trig.${Math.random()}`,
    });
    return this.send(form.toString(), 'application/x-www-form-urlencoded', opts);
  }

  /** An Events API delivery (event_callback JSON); `retryNum` adds Slack's retry headers. */
  event(
    event: Record<string, unknown>,
    f: { eventId: string; retryNum?: number; team?: string; enterprise?: string; orgWide?: boolean },
    opts?: Parameters<SlackSender['send']>[2],
  ): Promise<Sent> {
    // An org-wide install is authorised for the organisation, not a team (Slack's `authorizations`).
    const org = { enterprise_id: f.enterprise, team_id: null, is_enterprise_install: true };
    const body = JSON.stringify({
      token: 'deprecated',
      team_id: f.team ?? 'T0FAKE',
      ...(f.enterprise ? { enterprise_id: f.enterprise } : {}),
      ...(f.orgWide ? { authorizations: [org] } : {}),
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: f.eventId,
      event_time: Math.floor(Date.now() / 1000),
      event,
    });
    const headers: Record<string, string> =
      f.retryNum !== undefined
        ? { 'x-slack-retry-num': String(f.retryNum), 'x-slack-retry-reason': 'http_timeout' }
        : {};
    return this.send(body, 'application/json', { ...opts, headers: { ...headers, ...opts?.headers } });
  }

  /** A button click: block_actions, form-encoded with a single `payload` field holding JSON. */
  action(
    actionId: string,
    f: {
      user?: string;
      channel?: string;
      messageTs?: string;
      threadTs?: string;
      responseUrl: string;
      ephemeral?: boolean;
      team?: string;
      /** A button on the app's Home tab: no channel, no message, no response_url. */
      home?: boolean;
    },
    opts?: Parameters<SlackSender['send']>[2],
  ): Promise<Sent> {
    const onHome = f.home
      ? {
          container: { type: 'view', view_id: 'VHOME' },
          channel: undefined,
          message: undefined,
          response_url: undefined,
          view: { id: 'VHOME', type: 'home', blocks: [], state: { values: {} } },
        }
      : {};
    const payload = {
      type: 'block_actions',
      team: { id: f.team ?? 'T0FAKE', domain: 'fake' },
      user: { id: f.user ?? 'U1', username: 'ann', team_id: f.team ?? 'T0FAKE' },
      api_app_id: 'A1',
      container: {
        type: 'message',
        message_ts: f.messageTs ?? '1.000001',
        channel_id: f.channel ?? 'C1',
        is_ephemeral: !!f.ephemeral,
      },
      trigger_id: `trig.${Math.random()}`,
      channel: { id: f.channel ?? 'C1', name: 'backend' },
      message: f.ephemeral
        ? undefined
        : {
            type: 'message',
            ts: f.messageTs ?? '1.000001',
            ...(f.threadTs ? { thread_ts: f.threadTs } : {}),
            text: 'x',
          },
      response_url: f.responseUrl,
      actions: [
        {
          type: 'button',
          action_id: actionId,
          block_id: 'b1',
          text: { type: 'plain_text', text: 'x' },
          action_ts: String(Date.now() / 1000),
        },
      ],
      ...onHome,
    };
    return this.interaction(payload, opts);
  }

  /** A message shortcut (message_action) on a message, form-encoded like a button click. */
  messageShortcut(
    callbackId: string,
    f: { text: string; user?: string; channel?: string; responseUrl: string; files?: { id: string; name: string }[] },
    opts?: Parameters<SlackSender['send']>[2],
  ): Promise<Sent> {
    const payload = {
      type: 'message_action',
      callback_id: callbackId,
      trigger_id: `trig.${Math.random()}`,
      message_ts: '1700000900.000100',
      response_url: f.responseUrl,
      message: {
        type: 'message',
        user: 'U9',
        ts: '1700000900.000100',
        text: f.text,
        ...(f.files ? { files: f.files } : {}),
      },
      user: { id: f.user ?? 'U1', name: 'ann', username: 'ann', team_id: 'T0FAKE' },
      channel: { id: f.channel ?? 'C1', name: 'backend' },
      team: { id: 'T0FAKE', domain: 'fake' },
      token: 'deprecated',
      action_ts: String(Date.now() / 1000),
    };
    return this.interaction(payload, opts);
  }

  /** A global shortcut (from the shortcut menu): no channel, no message, no response_url. */
  globalShortcut(callbackId: string, f: { user?: string } = {}): Promise<Sent> {
    const payload = {
      type: 'shortcut',
      callback_id: callbackId,
      trigger_id: `trig.${Math.random()}`,
      user: { id: f.user ?? 'U1', username: 'ann', team_id: 'T0FAKE' },
      team: { id: 'T0FAKE', domain: 'fake' },
      token: 'deprecated',
      action_ts: String(Date.now() / 1000),
    };
    return this.interaction(payload);
  }

  /** A modal submitted (view_submission): text fields as plain_text_input values, booleans as checkboxes. */
  viewSubmission(
    view: { callback_id: string; private_metadata: string },
    values: Record<string, string | boolean>,
    f: { user?: string } = {},
    opts?: Parameters<SlackSender['send']>[2],
  ): Promise<Sent> {
    const state = Object.fromEntries(
      Object.entries(values).map(([id, v]) => [
        id,
        {
          [id]:
            typeof v === 'boolean'
              ? { type: 'checkboxes', selected_options: v ? [{ value: 'yes' }] : [] }
              : id === 'versus_channel'
                ? { type: 'conversations_select', selected_conversation: v || null }
                : { type: 'plain_text_input', value: v === '' ? null : v },
        },
      ]),
    );
    const payload = {
      type: 'view_submission',
      team: { id: 'T0FAKE', domain: 'fake' },
      user: { id: f.user ?? 'U1', username: 'ann', name: 'ann', team_id: 'T0FAKE' },
      api_app_id: 'A1',
      trigger_id: `trig.${Math.random()}`,
      view: {
        id: 'VMODAL',
        team_id: 'T0FAKE',
        type: 'modal',
        ...view,
        blocks: [],
        state: { values: state },
        hash: 'h',
        title: { type: 'plain_text', text: 'x' },
        app_id: 'A1',
        bot_id: 'BBOT',
      },
    };
    return this.interaction(payload, opts);
  }

  /** Interactive payloads (clicks, shortcuts, view submits) are form-encoded with one `payload` field of JSON. */
  private interaction(payload: unknown, opts?: Parameters<SlackSender['send']>[2]): Promise<Sent> {
    return this.send(
      new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
      'application/x-www-form-urlencoded',
      opts,
    );
  }
}
