import { code, md, type Rich, type RichText } from '../rich.js';

type Status = 'open' | 'finished' | 'cancelled' | 'expired';
type Mode = 'channel' | 'solo';

/** The decision-matrix walk: its step messages, buttons and the replies to `/versus matrix` and its clicks. */
export const walkEn = {
  /** Answer buttons and how an answer reads back ("Your answer: Yes"); 2, 3 and 4 read as themselves. */
  answer: {
    yes: 'Yes',
    no: 'No',
    'not-sure': 'Not sure',
    '1': '1 · minor',
    '5': '5 · critical',
  } as Record<string, string>,
  skipped: 'skipped',
  unanswered: 'no answers yet',
  choice: (tie: boolean, value: string, yes: number, no: number, notSure: number) =>
    `${tie ? 'tie → ' : ''}${value} (yes ${yes} · no ${no} · not sure ${notSure})`,
  importance: (mean: number, answers: number, notSure: number) =>
    `importance ${mean} of 5 from ${answers} answer(s)${notSure ? `, ${notSure} not sure` : ''}`,
  status: { open: 'open', finished: 'finished', cancelled: 'cancelled', expired: 'expired' } as Record<Status, string>,
  stepTitle: (index: number, count: number, title: string) => `🧭 Step ${index}/${count}: ${title}`,
  whyItMatters: 'Why it matters',
  yourAnswer: (label: string) => `Your answer: ${label}`,
  answersSoFar: (text: string) => `Answers so far: ${text}`,
  onlyYou: 'Only you see this walk.',
  anyoneHere: (starter: Rich): RichText =>
    md`Anyone here can answer (and change their answer); ${starter} or an admin moves on.`,
  back: '◀ Back',
  skip: 'Skip',
  next: 'Next ▶',
  finish: 'Finish',
  finishNow: 'Finish now',
  staleStatus: (status: string) => `This walk is already ${status}; your click changed nothing.`,
  staleMoved: (now: number, from: number) =>
    `Someone moved the walk on while you clicked: it is at step ${now} now, not ${from}. Your click changed nothing.`,
  closed: (status: string): RichText =>
    md`This decision-matrix walk was ${status}. Start a new one with ${code('/versus matrix')}.`,
  expired: (starter: Rich, days: number): RichText =>
    md`The decision-matrix walk started by ${starter} expired after ${days} days without activity. Start again with ${code('/versus matrix')}.`,
  busy: (what: string, mode: Mode): RichText =>
    md`${what} is still open here: finish or cancel it (${code(`/versus matrix cancel ${mode}`)}), then Refine again.`,
  nothingLeft:
    'Your situation already answers every factor: there is nothing left to ask. Export the decision record from the verdict.',
  allOff: (): RichText =>
    md`Every factor is switched off in this channel. An admin can switch them back on with ${code('/versus matrix weights')}.`,
  resumed: (at: number, n: number) => `Resumed the open walk at step ${at} of ${n}.`,
  startedRefine: (started: number, filled: number) =>
    `Started a ${started}-step walk over the factors your situation left open; the ${filled} it answered are filled in.`,
  started: (n: number) => `Started a ${n}-step decision-matrix walk. Answer with the buttons; you move on with Next.`,
  cannotPost: 'The walk cannot be posted from here.',
  /** "your solo walk w_1", "the channel walk w_2": a sentence starts with it or carries it. */
  describe: (mode: Mode, id: string) => (mode === 'solo' ? `your solo walk ${id}` : `the channel walk ${id}`),
  otherOpen: (what: string, verb: string, mode: Mode): Rich =>
    md` (${what} is open too: ${code(`/versus matrix ${verb} ${mode}`)})`,
  noneOpen: (mode: Mode | undefined) => `No ${mode ? `${mode} ` : ''}walk is open here.`,
  startOne: (): Rich => md`Start one with ${code('/versus matrix')}.`,
  statusLine: (what: string, index: number, count: number, answered: number, starter: Rich, other: Rich): RichText =>
    md`${what}: step ${index} of ${count}, ${answered} step(s) answered, started by ${starter}${other}.`,
  onlyCancel: (starter: Rich): RichText => md`Only ${starter} or an admin can cancel this walk.`,
  noLongerOpen: (what: string) => `${what} is no longer open.`,
  cancelled: (what: string, other: Rich): RichText => md`${what} is cancelled${other}.`,
  gone: (): RichText => md`This walk no longer exists. Start one with ${code('/versus matrix')}.`,
  notOpen: (status: string, back: boolean): RichText =>
    md`This walk is ${status}; ${back ? 'Back is no longer possible' : 'its buttons no longer work'}. Start a new one with ${code('/versus matrix')}.`,
  movedOn: (index: number) => `The walk has moved on to step ${index}; answer there.`,
  notAChoice: 'That answer is not one of the choices.',
  recorded: (title: string) => `Recorded your answer for “${title}”. Click another to change it.`,
  onlyMove: (starter: Rich): RichText => md`Only ${starter} (who started the walk) or an admin can move it on.`,
  firstStep: 'This is the first step.',
  usage: (): RichText =>
    md`${code('/versus matrix')} starts or resumes the walk here; also ${code('/versus matrix solo')}, ${code('status [solo|channel]')}, ${code('cancel [solo|channel]')} or ${code('weights')}.`,
  notAvailable: (): RichText => md`${code('/versus matrix')} is not available on this Versus yet.`,
  buttonNotAvailable: 'This feature is not available on this Versus.',
};
