import { createServer, type Server } from 'node:http';

export interface Health {
  ok: boolean;
  details: Record<string, unknown>;
}

export type HealthCheck = () => Promise<Health>;

/** `GET /healthz` (the process is up) and `GET /readyz` (database reachable, adapters connected). */
export function healthResponse(path: string, health: Health): { status: number; body: string } | undefined {
  if (path === '/healthz') return { status: 200, body: JSON.stringify({ ok: true }) };
  if (path === '/readyz') return { status: health.ok ? 200 : 503, body: JSON.stringify(health) };
  return undefined;
}

/** A bare HTTP server for health probes, used when no Slack HTTP receiver already owns the port. */
export async function startHealthServer(check: HealthCheck, port: number, host: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (req.method !== 'GET' || (path !== '/healthz' && path !== '/readyz')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    check().then(
      (h) => {
        const r = healthResponse(path, h)!;
        res.writeHead(r.status, { 'content-type': 'application/json' }).end(r.body);
      },
      (e: unknown) =>
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: String(e) })),
    );
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolveListen());
  });
  return server;
}
