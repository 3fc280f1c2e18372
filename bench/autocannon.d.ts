// The parts of autocannon's API the benchmarks use (it ships no type declarations).
declare module 'autocannon' {
  interface Options {
    url: string;
    connections?: number;
    amount?: number;
    timeout?: number;
    requests?: {
      method?: string;
      setupRequest?: (req: Record<string, unknown>, ctx: Record<string, unknown>) => Record<string, unknown>;
    }[];
  }
  interface Result {
    latency: { p50: number; p99: number; max: number };
    '2xx': number;
    non2xx: number;
    errors: number;
    timeouts: number;
  }
  export default function autocannon(opts: Options): Promise<Result>;
}
