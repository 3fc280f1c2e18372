/**
 * Things people name in a backend-language question beyond the taxonomy: frameworks, runtimes, clouds,
 * data stores and tools of every ecosystem. A question naming one the index never mentions is one the
 * sources cannot answer ("actix-web latency", "Lambda cold starts"). Listed by what they are, not by
 * whether the articles cover them: coverage is read from the index at ask time. Each entry's first form is
 * how a reply names it; the others are how people type it (matched as whole words, case-insensitive).
 */
export type EntityKind = 'language' | 'framework' | 'runtime' | 'cloud' | 'datastore' | 'tool' | 'version';

const ENTRIES: Record<Exclude<EntityKind, 'language' | 'version'>, string[]> = {
  framework: [
    'Express|express.js|expressjs',
    'NestJS|nest.js|nestjs',
    'Fastify',
    'Koa',
    'Hapi',
    'Next.js|nextjs',
    'Spring Boot|springboot',
    'Spring|spring framework',
    'Quarkus',
    'Micronaut',
    'Vert.x|vertx',
    'Ktor',
    'Rails|ruby on rails|ror',
    'Sinatra',
    'Laravel',
    'Symfony',
    'ASP.NET|aspnet|asp.net core',
    'actix-web|actix',
    'Axum',
    'Rocket',
    'Warp',
    'Phoenix',
    'Tornado',
    'Sanic',
    'Starlette',
    'aiohttp',
    'Falcon',
    'Bottle',
    'Pyramid',
    'Quart',
    'Litestar',
    'Django REST framework|drf',
    'Beego',
    'Revel',
    'Buffalo',
    'Iris',
    'Chi',
    'Gorilla|gorilla/mux',
    'gRPC|grpc',
    'GraphQL',
    'React',
    'Vue',
    'Angular',
    'htmx',
    'PyTorch',
    'TensorFlow',
    'scikit-learn|sklearn',
    'LangChain',
    'Spark|pyspark',
    'Airflow',
    'Dask',
    'Ray',
    'Polars',
    'Pydantic',
    'Celery',
    'SQLAlchemy',
    'GORM',
    'Ent',
  ],
  runtime: [
    'Node.js|node|nodejs',
    'Deno',
    'Bun',
    'PyPy',
    'Jython',
    'IronPython',
    'MicroPython',
    'GraalVM|graal',
    'GraalPy',
    'JVM',
    '.NET|dotnet',
    'WebAssembly|wasm',
    'TinyGo',
    'gccgo',
    'Mojo',
    'Codon',
    'Numba',
    'mypyc',
    'Nuitka',
  ],
  cloud: [
    'AWS Lambda|lambda|lambdas',
    'Google Cloud Run|cloud run',
    'Cloud Functions',
    'Azure Functions',
    'Azure',
    'GCP|google cloud',
    'Heroku',
    'Vercel',
    'Netlify',
    'Fly.io|fly',
    'Cloudflare Workers|cloudflare',
    'Fargate',
    'ECS',
    'EKS',
    'Lambda@Edge',
  ],
  datastore: [
    'MySQL',
    'MongoDB|mongo',
    'Redis',
    'Cassandra',
    'DynamoDB|dynamo',
    'Elasticsearch|elastic',
    'Kafka',
    'RabbitMQ',
    'SQLite',
    'ClickHouse',
    'Snowflake',
    'BigQuery',
    'Supabase',
    'Firebase',
    'CockroachDB',
  ],
  tool: [
    'Terraform',
    'Ansible',
    'Pulumi',
    'Helm',
    'Nginx',
    'Envoy',
    'Istio',
    'Prometheus',
    'Grafana',
    'Jenkins',
    'GitHub Actions',
    'Bazel',
    'Poetry',
    'uv',
    'Conda',
    'mypy',
    'Pyright',
    'Ruff',
    'Black',
    'golangci-lint',
    'Copilot',
    'ChatGPT',
    'OpenAI',
    'Temporal',
    'Wasmtime',
  ],
};

export interface GazetteerEntry {
  /** How a reply names it. */
  name: string;
  kind: EntityKind;
  /** Lower-cased ways people type it. */
  forms: string[];
}

export const GAZETTEER: GazetteerEntry[] = Object.entries(ENTRIES).flatMap(([kind, list]) =>
  list.map((line) => {
    const [name, ...aliases] = line.split('|') as [string, ...string[]];
    return { name, kind: kind as EntityKind, forms: [...new Set([name, ...aliases].map((f) => f.toLowerCase()))] };
  }),
);

/**
 * Programming languages whose names are everyday English words ("a swift rewrite", "max throughput", "a
 * crystal clear case"), or single letters: as lower-case words they are not taken for the language. They
 * still count when written with a capital inside a sentence ("Swift", "Julia").
 */
export const ORDINARY_WORD_LANGUAGES = new Set(
  (
    'b c d m r v q max metal factor glyph rouge salt sage teal sway volt noir uno terra beef crystal hack reason ' +
    'shell sieve squirrel puppet forth gherkin smarty dylan janet mirah oz nu elm ecl eq idl sip swig xs lfe muf ' +
    'swift julia dart io red ring pony self clean pure grace genie boo ox pan wisp nit slash pep8 jolie opal ' +
    'makefile dockerfile cmake starlark cuda numpy cython gno hip tsx'
  ).split(' '),
);
