import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { ENV_VARIABLES, loadConfig } from '../src/config.js';
import { healthResponse, PROBE_PATHS, startHealthServer } from '../src/http/health-server.js';
import { SHUTDOWN_BUDGET_MS } from '../src/runtime/shutdown.js';

/**
 * deploy/ is never run here (no Docker, no cluster): its files are parsed with the project's YAML parser and
 * held to what Versus itself does — the variables src/config.ts reads, the paths the health server serves,
 * the shutdown budget of src/runtime/shutdown.ts — so a change on either side that breaks a deployment fails.
 */
const ROOT = resolve(import.meta.dirname, '..');
const DEPLOY = join(ROOT, 'deploy');
const read = (...p: string[]) => readFileSync(join(DEPLOY, ...p), 'utf8');

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => {
  expect(v, 'expected a mapping').toBeTypeOf('object');
  return v as Obj;
};

/** `.env.example` as a map (the values docker compose would interpolate with). */
function dotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}

const INTERPOLATION = /\$\{([A-Z_][A-Z0-9_]*)(?:(:?[-?])([^}]*))?\}/g;

/** Compose's `${VAR}`, `${VAR:-default}` and `${VAR:?error}`, as `docker compose config` resolves them. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(INTERPOLATION, (_all, name: string, op: string | undefined, arg: string | undefined) => {
    const v = vars[name];
    if (op?.endsWith('?') && !v) throw new Error(`${name} is required: ${arg}`);
    if (op?.endsWith('-') && !v) return arg ?? '';
    return v ?? '';
  });
}

/** Compose and Go durations: 20s, 1m30s, 500ms. */
function durationMs(d: string): number {
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/g;
  let consumed = '';
  for (const m of d.matchAll(re)) {
    total += Number(m[1]) * { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    consumed += m[0];
  }
  expect(consumed, `duration ${d}`).toBe(d);
  return total;
}

function envMap(environment: unknown): Record<string, string> {
  if (Array.isArray(environment))
    return Object.fromEntries(environment.map((e: string) => [e.split('=')[0]!, e.split('=').slice(1).join('=')]));
  return Object.fromEntries(Object.entries(obj(environment)).map(([k, v]) => [k, String(v)]));
}

/** The health server's answer for `path` (undefined: it does not serve it). */
const serves = (path: string) => healthResponse(path, { ok: true, details: {} }) !== undefined;

const SECRET_NAMES = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'DATABASE_URL'];

describe('deploy/docker-compose.yml', () => {
  const compose = obj(parse(read('docker-compose.yml'), { merge: true }));
  const services = obj(compose.services) as Record<string, Obj>;
  const example = dotenv(read('.env.example'));
  const replicas = Object.entries(services).filter(
    ([, s]) => s.build !== undefined && resolve(DEPLOY, String(obj(s.build).context)) === ROOT,
  );
  const postgres = Object.entries(services).find(([, s]) => /^postgres:\d+/.test(String(s.image)));
  const lb = Object.entries(services).find(([, s]) => /^(nginx|caddy)[:@]/.test(String(s.image)));

  it('runs PostgreSQL, at least two Versus replicas built from the Dockerfile, and a load balancer', () => {
    expect(postgres).toBeDefined();
    expect(replicas.length).toBeGreaterThanOrEqual(2);
    for (const [, s] of replicas) {
      expect(existsSync(join(ROOT, String(obj(s.build).dockerfile ?? 'Dockerfile')))).toBe(true);
    }
    expect(lb).toBeDefined();
  });

  it('keeps PostgreSQL on a named volume where its image stores data, with a pg_isready health check', () => {
    const [, pg] = postgres!;
    const major = Number(/^postgres:(\d+)/.exec(String(pg.image))![1]);
    // From 18 the official image keeps PGDATA in /var/lib/postgresql/<major>/docker and declares the parent.
    const dataDir = major >= 18 ? '/var/lib/postgresql' : '/var/lib/postgresql/data';
    const volumes = (pg.volumes as string[]).map((v) => v.split(':'));
    const named = volumes.find(([, target]) => target === dataDir);
    expect(named, `a volume on ${dataDir}`).toBeDefined();
    expect(Object.keys(obj(compose.volumes))).toContain(named![0]);
    expect(JSON.stringify(obj(pg.healthcheck).test)).toMatch(/pg_isready/);
  });

  it('every variable the file interpolates is in .env.example; no credential is written into the file', () => {
    const used = [...read('docker-compose.yml').matchAll(INTERPOLATION)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(0);
    for (const name of used) expect(Object.keys(example), `${name} in deploy/.env.example`).toContain(name);
    for (const [, s] of replicas) {
      const env = envMap(s.environment);
      for (const name of ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']) expect(env[name]).toMatch(/^\$\{[A-Z_]+:\?/);
      expect(env.DATABASE_URL).toMatch(/:\$\{POSTGRES_PASSWORD[^}]*\}@/);
    }
  });

  it("points every replica's DATABASE_URL at the postgres service, with its user, database and password", () => {
    const [pgName, pg] = postgres!;
    const pgEnv = envMap(pg.environment);
    for (const [name, s] of replicas) {
      const url = new URL(interpolate(envMap(s.environment).DATABASE_URL!, example));
      expect(url.protocol, name).toBe('postgres:');
      expect(url.hostname, name).toBe(pgName);
      expect(url.port || '5432', name).toBe('5432');
      expect(url.username, name).toBe(pgEnv.POSTGRES_USER);
      expect(url.pathname, name).toBe(`/${pgEnv.POSTGRES_DB ?? pgEnv.POSTGRES_USER}`);
      expect(decodeURIComponent(url.password), name).toBe(interpolate(pgEnv.POSTGRES_PASSWORD!, example));
      expect(obj(obj(s.depends_on)[pgName]).condition, name).toBe('service_healthy');
    }
  });

  it('configures each replica with variables Versus reads, in Slack HTTP mode on PostgreSQL', () => {
    for (const [name, s] of replicas) {
      const env = envMap(s.environment);
      for (const key of Object.keys(env)) expect(ENV_VARIABLES, `${name}: ${key}`).toContain(key);
      const config = loadConfig(Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(v, example)])));
      expect(config.slack?.signingSecret, name).toBeDefined();
      expect(config.slack?.appToken, name).toBeUndefined();
      expect(config.postgres?.url, name).toMatch(/^postgres:\/\//);
    }
  });

  it('gives each replica its own knowledge index (VERSUS_DB on a volume no other replica mounts)', () => {
    const owners = new Map<string, string>();
    for (const [name, s] of replicas) {
      const dir = envMap(s.environment).VERSUS_DB!.replace(/\/[^/]+$/, '');
      const tmpfs = ([] as string[]).concat((s.tmpfs as string | string[] | undefined) ?? []);
      const volume = ((s.volumes as string[] | undefined) ?? []).map((v) => v.split(':')).find(([, t]) => t === dir);
      expect(volume !== undefined || tmpfs.includes(dir), `${name}: ${dir} on a volume or tmpfs`).toBe(true);
      if (volume) {
        expect(owners.get(volume[0]!), `${volume[0]} shared by ${owners.get(volume[0]!)} and ${name}`).toBeUndefined();
        owners.set(volume[0]!, name);
      }
    }
  });

  it("keeps the image's tini entrypoint (PID 1) for every replica", () => {
    expect(readFileSync(join(ROOT, 'Dockerfile'), 'utf8')).toMatch(/^ENTRYPOINT \["\/usr\/bin\/tini", "--"\]$/m);
    for (const [name, s] of replicas) expect(s.entrypoint, `${name} would replace tini`).toBeUndefined();
  });

  it('checks replica health on /readyz at their PORT and gives SIGTERM more than the shutdown budget', () => {
    for (const [name, s] of replicas) {
      const test = JSON.stringify(obj(s.healthcheck).test);
      const port = envMap(s.environment).PORT ?? '3000';
      expect(test, name).toContain(`:${port}/readyz`);
      expect(serves('/readyz')).toBe(true);
      expect(durationMs(String(s.stop_grace_period)), name).toBeGreaterThan(SHUTDOWN_BUDGET_MS);
    }
  });

  it('the load balancer publishes a port, waits for healthy replicas and round-robins /slack/events to all of them', () => {
    const [, balancer] = lb!;
    expect((balancer.ports as string[]).length).toBeGreaterThan(0);
    for (const [name] of replicas) expect(obj(obj(balancer.depends_on)[name]).condition).toBe('service_healthy');
    const mount = (balancer.volumes as string[]).map((v) => v.split(':')).find(([src]) => src!.startsWith('./'));
    expect(mount, 'its config file from deploy/').toBeDefined();
    const conf = read(mount![0]!);
    // nginx: `upstream <name> { server host:port …; }` and `location … /slack/events { proxy_pass http://<name>; }`.
    const upstreams = new Map(
      [...conf.matchAll(/upstream\s+(\S+)\s*\{([^}]*)\}/g)].map((m) => [
        m[1]!,
        [...m[2]!.matchAll(/^\s*server\s+([^\s;]+)/gm)].map((s) => s[1]!),
      ]),
    );
    const location = /location\s+(?:=\s*)?\/slack\/events\s*\{([^}]*)\}/.exec(conf);
    expect(location, 'a location for /slack/events').not.toBeNull();
    const target = /proxy_pass\s+http:\/\/([^\s;/]+)/.exec(location![1]!)?.[1];
    expect(upstreams.has(target!), `proxy_pass to an upstream (${target})`).toBe(true);
    const balancing = /upstream\s+\S+\s*\{([^}]*)\}/.exec(conf)![1]!;
    expect(balancing, 'round robin (no other method)').not.toMatch(/\b(ip_hash|hash|least_conn|random)\b/);
    expect(upstreams.get(target!)!.sort()).toEqual(
      replicas.map(([name, s]) => `${name}:${envMap(s.environment).PORT ?? '3000'}`).sort(),
    );
  });

  it('Prometheus scrapes GET /metrics of every replica on its PORT, and nginx does not publish /metrics', () => {
    const prometheus = Object.entries(services).find(([, s]) => /^prom\/prometheus:v\d/.test(String(s.image)));
    expect(prometheus, 'a prom/prometheus service with a pinned version').toBeDefined();
    const [, p] = prometheus!;
    const mount = (p.volumes as string[])
      .map((v) => v.split(':'))
      .find(([, t]) => t === '/etc/prometheus/prometheus.yml');
    expect(mount, 'its config mounted where the image reads it').toBeDefined();
    const jobs = obj(parse(read(mount![0]!))).scrape_configs as Obj[];
    const targets = jobs.flatMap((j) => (j.static_configs as { targets: string[] }[]).flatMap((c) => c.targets));
    expect(targets.sort()).toEqual(
      replicas.map(([name, s]) => `${name}:${envMap(s.environment).PORT ?? '3000'}`).sort(),
    );
    for (const j of jobs) expect(j.metrics_path ?? '/metrics').toBe('/metrics');
    expect(PROBE_PATHS).toContain('/metrics');
    for (const port of p.ports as string[]) expect(port, 'Prometheus UI on this host only').toMatch(/^127\.0\.0\.1:/);
    expect(read('nginx.conf')).not.toMatch(/location[^{]*\/metrics/);
  });
});

describe('deploy/kubernetes', () => {
  const dir = join(DEPLOY, 'kubernetes');
  const docs = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((f) =>
      parseAllDocuments(readFileSync(join(dir, f), 'utf8')).map((d) => {
        expect(d.errors, f).toEqual([]);
        return { file: f, doc: obj(d.toJS()) };
      }),
    );
  const ofKind = (kind: string) => docs.filter((d) => d.doc.kind === kind).map((d) => d.doc);
  const deployment = ofKind('Deployment')[0]!;
  const pod = obj(obj(obj(deployment.spec).template).spec);
  const container = (pod.containers as Obj[])[0]!;
  const env = container.env as {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string } };
  }[];
  const secret = ofKind('Secret')[0]!;

  it('uses only standard Kubernetes resources', () => {
    const standard = new Set(['v1', 'apps/v1', 'policy/v1', 'networking.k8s.io/v1', 'autoscaling/v2']);
    expect(docs.length).toBeGreaterThanOrEqual(3);
    for (const { file, doc } of docs)
      expect(standard.has(String(doc.apiVersion)), `${file}: ${doc.apiVersion}`).toBe(true);
    expect(ofKind('Deployment')).toHaveLength(1);
    expect(ofKind('Service')).toHaveLength(1);
    expect(ofKind('Secret')).toHaveLength(1);
  });

  it('runs at least two replicas, and the Service selects the pods on their HTTP port', () => {
    const spec = obj(deployment.spec);
    expect(spec.replicas).toBeGreaterThanOrEqual(2);
    const labels = obj(obj(obj(spec.template).metadata).labels);
    expect(labels).toMatchObject(obj(obj(spec.selector).matchLabels));
    const service = obj(ofKind('Service')[0]!.spec);
    expect(labels).toMatchObject(obj(service.selector));
    const ports = container.ports as { name?: string; containerPort: number }[];
    for (const p of service.ports as { targetPort: string | number }[]) {
      expect(ports.some((c) => c.name === p.targetPort || c.containerPort === p.targetPort)).toBe(true);
    }
  });

  it('probes readiness on /readyz and liveness on /healthz, paths the health server serves, on the PORT Versus listens on', async () => {
    const readiness = obj(obj(container.readinessProbe).httpGet);
    const liveness = obj(obj(container.livenessProbe).httpGet);
    expect(readiness.path).toBe('/readyz');
    expect(liveness.path).toBe('/healthz');
    const port = Number(env.find((e) => e.name === 'PORT')?.value ?? 3000);
    const ports = container.ports as { name?: string; containerPort: number }[];
    for (const probe of [readiness, liveness]) {
      const p = ports.find((c) => c.name === probe.port || c.containerPort === probe.port);
      expect(p?.containerPort).toBe(port);
    }
    // The real server: readiness follows the health check, liveness does not (a database blip restarts nothing).
    let healthy = false;
    const server = await startHealthServer(async () => ({ ok: healthy, details: {} }), 0, '127.0.0.1');
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const status = async (path: unknown) => (await fetch(`${base}${String(path)}`)).status;
      expect(await status(readiness.path)).toBe(503);
      expect(await status(liveness.path)).toBe(200);
      healthy = true;
      expect(await status(readiness.path)).toBe(200);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('annotates the pods for Prometheus: /metrics on the port Versus listens on, kept by the scrape job', async () => {
    const annotations = obj(obj(obj(obj(deployment.spec).template).metadata).annotations);
    expect(annotations['prometheus.io/scrape']).toBe('true');
    expect(annotations['prometheus.io/path']).toBe('/metrics');
    expect(annotations['prometheus.io/port']).toBe(env.find((e) => e.name === 'PORT')?.value ?? '3000');
    const job = (obj(parse(read('prometheus', 'kubernetes.yml'))).scrape_configs as Obj[])[0]!;
    const relabel = job.relabel_configs as { source_labels: string[]; action?: string; regex?: string }[];
    const keep = relabel.find((r) => r.action === 'keep')!;
    expect(keep.source_labels).toEqual(['__meta_kubernetes_pod_annotation_prometheus_io_scrape']);
    expect(new RegExp(`^${keep.regex}$`).test(String(annotations['prometheus.io/scrape']))).toBe(true);
    // The real probe server answers the annotated path with the text exposition.
    const scrape = async () => ({ contentType: 'text/plain; version=0.0.4; charset=utf-8', body: 'up 1\n' });
    const server = await startHealthServer(async () => ({ ok: true, details: {} }), 0, '127.0.0.1', scrape);
    try {
      const port = (server.address() as AddressInfo).port;
      const res = await fetch(`http://127.0.0.1:${port}${String(annotations['prometheus.io/path'])}`);
      expect([res.status, await res.text()]).toEqual([200, 'up 1\n']);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });

  it('gives the pod more time than the preStop pause plus the shutdown budget', () => {
    const grace = Number(pod.terminationGracePeriodSeconds ?? 30) * 1000;
    const command = (obj(obj(obj(container.lifecycle ?? {}).preStop ?? {}).exec ?? {}).command as string[]) ?? [];
    const pause = command[0] === 'sleep' ? Number(command[1]) * 1000 : 0;
    expect(grace).toBeGreaterThan(pause + SHUTDOWN_BUDGET_MS);
  });

  it("keeps the image's tini entrypoint: the container sets no command", () => {
    expect(container.command, 'command would replace tini as PID 1').toBeUndefined();
  });

  it('sets resource requests and a memory limit', () => {
    const resources = obj(container.resources);
    expect(obj(resources.requests)).toMatchObject({ cpu: expect.anything(), memory: expect.anything() });
    expect(obj(resources.limits).memory).toBeDefined();
  });

  it('sets only variables Versus reads, and they configure Slack HTTP mode on PostgreSQL', () => {
    for (const e of env) expect(ENV_VARIABLES, e.name).toContain(e.name);
    const values = obj(secret.stringData);
    const resolved = Object.fromEntries(
      env.map((e) => [e.name, e.value ?? String(values[e.valueFrom!.secretKeyRef!.key])]),
    );
    const config = loadConfig(resolved);
    expect(config.slack?.signingSecret).toBeDefined();
    expect(config.slack?.appToken).toBeUndefined();
    expect(config.postgres?.url).toMatch(/^postgres:\/\//);
    expect(config.dbPath).toMatch(/^\/data\//);
    const mounts = container.volumeMounts as { mountPath: string }[];
    expect(mounts.map((m) => m.mountPath)).toContain(config.dbPath.replace(/\/[^/]+$/, ''));
  });

  it('takes tokens and DATABASE_URL from the Secret, never inline; the example Secret holds placeholders only', () => {
    const secretName = obj(secret.metadata).name;
    const values = obj(secret.stringData);
    for (const name of SECRET_NAMES) {
      const e = env.find((x) => x.name === name);
      expect(e, name).toBeDefined();
      expect(e!.value, `${name} inline`).toBeUndefined();
      expect(e!.valueFrom?.secretKeyRef?.name).toBe(secretName);
      expect(Object.keys(values)).toContain(e!.valueFrom!.secretKeyRef!.key);
    }
    for (const e of env) if (/TOKEN|SECRET|PASSWORD|DATABASE_URL/.test(e.name)) expect(e.value, e.name).toBeUndefined();
    expect(secret.data).toBeUndefined();
    for (const [key, value] of Object.entries(values)) expect(String(value), key).toMatch(/replace-me/);
  });
});
