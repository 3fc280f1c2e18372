import { createServer, type Server, type ServerResponse } from 'node:http';

export interface Health {
  ok: boolean;
  details: Record<string, unknown>;
}

export type HealthCheck = () => Promise<Health>;

/** The Prometheus exposition, as `GET /metrics` serves it (metrics/metrics.ts `Metrics.scrape`). */
export type MetricsScrape = () => Promise<{ contentType: string; body: string }>;

/** Every path the probe port answers (the Slack HTTP receiver serves the same ones). */
export const PROBE_PATHS = ['/healthz', '/readyz', '/metrics'] as const;

/** `GET /healthz` (the process is up) and `GET /readyz` (database reachable, adapters connected). */
export function healthResponse(path: string, health: Health): { status: number; body: string } | undefined {
  if (path === '/healthz') return { status: 200, body: JSON.stringify({ ok: true }) };
  if (path === '/readyz') return { status: health.ok ? 200 : 503, body: JSON.stringify(health) };
  return undefined;
}

/** Answers one probe path; a failing check or scrape is a 503 with the reason, never a hung request. */
export async function serveProbe(
  path: string,
  res: ServerResponse,
  check: HealthCheck,
  scrape: MetricsScrape | undefined,
): Promise<void> {
  const json = { 'content-type': 'application/json' };
  try {
    if (path === '/metrics') {
      if (!scrape) return void res.writeHead(404, json).end('{"error":"metrics are not enabled"}');
      const m = await scrape();
      return void res.writeHead(200, { 'content-type': m.contentType }).end(m.body);
    }
    const r = healthResponse(path, await check());
    if (!r) return void res.writeHead(404, json).end('{"error":"not found"}');
    res.writeHead(r.status, json).end(r.body);
  } catch (e) {
    res.writeHead(503, json).end(JSON.stringify({ ok: false, error: String(e) }));
  }
}

/** A bare HTTP server for the probes and metrics, used when no Slack HTTP receiver already owns the port. */
export async function startHealthServer(
  check: HealthCheck,
  port: number,
  host: string,
  scrape?: MetricsScrape,
): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method !== 'GET' || !(PROBE_PATHS as readonly string[]).includes(path)) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    void serveProbe(path, res, check, scrape);
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
  return server;
}
