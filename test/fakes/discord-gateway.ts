import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface GatewayOptions {
  /** The token IDENTIFY must carry; anything else is closed with 4004 (Authentication failed). */
  token: string;
  /** READY's d (user, guilds as unavailable, application …); built per IDENTIFY. */
  ready: () => Record<string, unknown>;
  /** One GUILD_CREATE d per guild listed in READY. */
  guilds: () => Record<string, unknown>[];
}

export interface Identify {
  token: string;
  intents: number;
  /** [shard id, shard count]; [0, 1] when the client sent none (unsharded). */
  shard: [number, number];
}

/** The shard that receives a guild's events: (guild_id >> 22) % count, as Discord routes them. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/**
 * A Discord gateway on 127.0.0.1 speaking plain JSON text frames (what discord.js sends without zlib-sync):
 * HELLO on connect, heartbeat ACKs, IDENTIFY → READY + GUILD_CREATE per guild, RESUME → RESUMED, then
 * whatever the test dispatches. `disallowIntents` makes it close with 4014 (Disallowed intents) when IDENTIFY asks for any
 * of those bits, like Discord does for a privileged intent the app was not granted.
 */
export class FakeGateway extends EventEmitter {
  readonly identifies: Identify[] = [];
  readonly closes: { code: number; reason: string }[] = [];
  /** Intent bits that get the connection closed with 4014. */
  disallowIntents = 0;
  /** Sent in HELLO; Discord uses ~41 s, a test can make the client heartbeat quickly. */
  heartbeatIntervalMs = 41_250;
  heartbeats = 0;
  readonly resumes: string[] = [];
  /** Sharded clients only: which shard each dispatched event (by its d.id) went to. */
  readonly deliveredTo = new Map<string, number[]>();
  /** Session id → the shard it identified as, so a RESUME keeps receiving that shard's guilds. */
  private readonly sessions = new Map<string, [number, number]>();
  /** Open identified connections and their shard. */
  private readonly identified = new Map<WebSocket, [number, number]>();
  private seq = 0;
  private wss!: WebSocketServer;
  url = '';

  constructor(private readonly opts: GatewayOptions) {
    super();
    this.setMaxListeners(0); // one listener per pending waitFor()
  }

  async start(): Promise<void> {
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.wss.once('listening', () => resolve()));
    this.url = `ws://127.0.0.1:${(this.wss.address() as AddressInfo).port}`;
    this.wss.on('connection', (ws) => this.onConnection(ws));
  }

  async stop(): Promise<void> {
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /** Cuts every connection without a close frame (code 1006), as a network failure would. */
  dropConnections(): void {
    for (const ws of this.wss.clients) ws.terminate();
  }

  /** Connections that completed IDENTIFY and are still open. */
  get connections(): number {
    return this.identified.size;
  }

  /** Shard ids ([id, count]) of the open identified connections. */
  get shards(): [number, number][] {
    return [...this.identified.values()];
  }

  /**
   * Sends a dispatch (op 0) to the connection of the shard owning `d.guild_id`, or to every identified
   * connection when the event has no guild. An unsharded client ([0, 1]) owns every guild.
   */
  dispatch(t: string, d: unknown): void {
    const { guild_id: guildId, id: eventId } = (d ?? {}) as { guild_id?: string; id?: string };
    for (const [ws, [id, count]] of this.identified) {
      if (guildId && shardOf(guildId, count) !== id) continue;
      this.dispatchTo(ws, t, d);
      if (count > 1 && eventId) this.deliveredTo.set(eventId, [...(this.deliveredTo.get(eventId) ?? []), id]);
    }
  }

  private dispatchTo(ws: WebSocket, t: string, d: unknown): void {
    ws.send(JSON.stringify({ op: 0, t, s: ++this.seq, d }));
  }

  private send(ws: WebSocket, payload: unknown): void {
    ws.send(JSON.stringify(payload));
  }

  private onConnection(ws: WebSocket): void {
    this.send(ws, { op: 10, s: null, t: null, d: { heartbeat_interval: this.heartbeatIntervalMs } });
    ws.on('message', (raw) => this.onFrame(ws, String(raw)));
    ws.on('close', (code, reason) => {
      this.identified.delete(ws);
      this.closes.push({ code, reason: String(reason) });
      this.emit('change');
    });
  }

  private onFrame(ws: WebSocket, raw: string): void {
    const frame = JSON.parse(raw) as { op: number; d: Record<string, unknown> | null };
    switch (frame.op) {
      case 1: // heartbeat
        this.heartbeats++;
        this.send(ws, { op: 11, s: null, t: null, d: null });
        this.emit('change');
        return;
      case 2: {
        const d = frame.d as { token: string; intents: number; shard?: [number, number] };
        const shard = d.shard ?? [0, 1];
        this.identifies.push({ token: d.token, intents: d.intents, shard });
        this.emit('change');
        if (d.token !== this.opts.token) {
          ws.close(4004, 'Authentication failed.');
          return;
        }
        if (this.disallowIntents & d.intents) {
          ws.close(4014, 'Disallowed intent(s).');
          return;
        }
        this.identified.set(ws, shard);
        const sessionId = `session-${this.identifies.length}`;
        this.sessions.set(sessionId, shard);
        // READY lists, and GUILD_CREATE follows for, only the guilds this shard owns.
        const owned = (g: { id: string }) => shardOf(g.id, shard[1]) === shard[0];
        const base = this.opts.ready();
        const guilds = (base.guilds as { id: string }[]).filter(owned);
        const ready = { ...base, guilds, shard, resume_gateway_url: this.url, session_id: sessionId };
        this.dispatchTo(ws, 'READY', ready);
        for (const g of this.opts.guilds()) if (owned(g as { id: string })) this.dispatchTo(ws, 'GUILD_CREATE', g);
        return;
      }
      case 6: {
        // RESUME a session this fake started: RESUMED (no missed events are replayed). Unknown: invalid session.
        const d = frame.d as { token: string; session_id: string };
        const shard = this.sessions.get(d.session_id);
        if (d.token !== this.opts.token || !shard) {
          this.send(ws, { op: 9, s: null, t: null, d: false });
          return;
        }
        this.resumes.push(d.session_id);
        this.identified.set(ws, shard);
        this.dispatchTo(ws, 'RESUMED', {});
        return void this.emit('change');
      }
      default:
        return; // presence/voice updates: nothing to do
    }
  }
}
