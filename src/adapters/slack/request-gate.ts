import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../../logger.js';
import type { SignatureStore } from '../../security/replay-store.js';
import { payloadVerdict } from './payload-check.js';
import { verifySlackSignature } from './signature.js';

/** Bolt's own body limit: larger requests are refused before they are buffered in full. */
export const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface GateOptions {
  signingSecret: string;
  replays: SignatureStore;
  log: Logger;
  now?: () => number;
  /** A request passed the gate (Bolt will ack it); `res` closing means the ack went out. */
  onAccepted?: (res: ServerResponse) => void;
}

/**
 * In front of Bolt's HTTP listener: reads the body (bounded), verifies the signature strictly, refuses a
 * malformed payload with 400 and a replay with 401 — remembering a signature only after it verified, in
 * the shared database so every process refuses the replay — and refuses everything once stopping.
 */
export class RequestGate {
  private stopping = false;
  private open = 0;
  private readonly drained: (() => void)[] = [];

  constructor(private readonly o: GateOptions) {}

  /** Wraps Bolt's request listeners (taken off the server) behind the gate. */
  wrap(bolt: Listener[]): Listener {
    return (req, res) => {
      // Health checks and anything that is not a Slack delivery go straight to Bolt's router.
      if (req.method !== 'POST') {
        for (const l of bolt) l(req, res);
        return;
      }
      if (this.stopping) return void res.writeHead(503, { connection: 'close', 'retry-after': '5' }).end();
      this.open++;
      res.once('close', () => this.closed());
      void this.admit(req, res).then((ok) => {
        if (!ok) return;
        this.o.onAccepted?.(res);
        for (const l of bolt) l(req, res);
      });
    };
  }

  /** Refuse new requests from now on (in-flight ones finish). */
  stop(): void {
    this.stopping = true;
  }

  /** Resolves when every admitted request has been answered (or after `ms`). */
  idle(ms: number): Promise<void> {
    if (this.open === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.drained.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  private closed(): void {
    this.open--;
    if (this.open === 0) for (const r of this.drained.splice(0)) r();
  }

  private async admit(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const refuse = (status: number, reason: string) => {
      this.o.log.warn({ ip: req.socket.remoteAddress, status, reason }, 'slack: request refused');
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 413 ? 'Payload too large' : '');
      return false;
    };
    const body = await readBody(req, BODY_LIMIT_BYTES);
    if (body === 'too_large') return refuse(413, 'body over 4 MB');
    if (body === 'aborted') return false;
    const check = verifySlackSignature(
      this.o.signingSecret,
      { signature: req.headers['x-slack-signature'], timestamp: req.headers['x-slack-request-timestamp'] },
      body,
      (this.o.now ?? Date.now)(),
    );
    if (!check.ok) return refuse(401, `signature ${check.code}`);
    const verdict = payloadVerdict(body.toString('utf8'), req.headers['content-type']);
    if (verdict.ok === false) return refuse(400, verdict.problem);
    if (!(await this.o.replays.rememberSignature(check.signature, check.expiresAtMs)))
      return refuse(401, 'replayed request (signature already served)');
    if (verdict.ok === 'ignore') {
      // Nothing listens for it: acknowledged now, rather than by Bolt's "unhandled request" 404 after 3 s.
      this.o.log.debug({ reason: verdict.reason }, 'slack: request acknowledged and dropped');
      res.writeHead(200).end();
      return false;
    }
    // Bolt reads this instead of the (consumed) stream, and verifies the same bytes again.
    (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
    return true;
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      req.resume();
      return resolve('too_large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too_large');
      } else chunks.push(c);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', () => resolve('aborted'));
    req.once('aborted', () => resolve('aborted'));
  });
}
