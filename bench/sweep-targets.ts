// The sweep's rows in the Targets table (bench/targets.ts): the knee on both corpora, acks at every
// offered rate, and nothing lost — each miss explained by the row that missed, with its bare-Bolt floor.
import { ms } from './stats.js';
import type { SweepFigures, SweepRow } from './sweep.js';
import type { Target } from './targets.js';

/** The first row past the knee: what stopped it. */
function pastKnee(rows: SweepRow[], knee: number): string {
  const r = rows.find((x) => x.rate > knee);
  if (!r) return 'every offered rate was within the knee';
  return (
    `at ${r.rate}/s: answer p99 ${ms(r.answerP99)}, ${r.busy} of ${r.sent} shed, ${r.lost} lost; ` +
    `bot ${(r.botCores * 100).toFixed(0)} % of a core, ${r.botCpuMs.toFixed(1)} ms CPU per command; ` +
    `ack p99 ${ms(r.ackP99)} (bare Bolt ${ms(r.bareAckP99)})`
  );
}

export function sweepTargets(s: SweepFigures | undefined, notRun: string): Target[] {
  const rows = s ? [...s.real, ...s.big] : [];
  const worst = rows.reduce<SweepRow | undefined>((w, r) => (!w || r.ackP99 > w.ackP99 ? r : w), undefined);
  return [
    {
      name: 'knee (answer p99 ≤ 500 ms), real corpus',
      limit: 300,
      atMost: false,
      unit: '/s',
      measured: s?.kneeReal,
      absent: notRun,
      why: s && (() => pastKnee(s.real, s.kneeReal)),
    },
    {
      name: 'knee (answer p99 ≤ 500 ms), 100k claims',
      limit: 120,
      atMost: false,
      unit: '/s',
      measured: s?.kneeBig,
      absent: notRun,
      why: s && (() => pastKnee(s.big, s.kneeBig)),
    },
    {
      name: 'ack p99 at every offered rate (sweep)',
      limit: 250,
      atMost: true,
      unit: 'ms',
      measured: worst?.ackP99,
      absent: notRun,
      why:
        worst &&
        (() =>
          `worst at ${worst.rate}/s: ${ms(worst.ackP99)} against bare Bolt's ${ms(worst.bareAckP99)} at the same rate; ` +
          `bot ${(worst.botCores * 100).toFixed(0)} % of a core`),
    },
    {
      name: 'acks over 1 s (sweep, all rates)',
      limit: 0,
      atMost: true,
      unit: '',
      measured: s && rows.reduce((n, r) => n + r.acksOver1s, 0),
      absent: notRun,
    },
    {
      name: 'answers lost (sweep, all rates)',
      limit: 0,
      atMost: true,
      unit: '',
      measured: s && rows.reduce((n, r) => n + r.lost + r.failed, 0),
      absent: notRun,
    },
  ];
}
