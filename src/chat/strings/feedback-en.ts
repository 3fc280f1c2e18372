import { code, md, type RichText } from '../rich.js';

/** 👍/👎 under answers and `/versus report` (admins). */
export const feedbackEn = {
  helpful: 'Thanks: noted as helpful.',
  notHelpful: (): RichText =>
    md`Thanks: noted as not helpful. Admins see these in ${code('/versus report')} and add sources for them.`,
  tooOld: 'That answer is too old to rate. Ask again.',
  onlyAdmins: (admin: string) => `Only ${admin} can see the report.`,
  reportTitle: 'What the knowledge folder is missing',
  unanswered: 'Asked, but nothing found',
  voted: 'Answers voted not helpful',
  times: (n: number) => `${n} time${n === 1 ? '' : 's'}`,
  votes: (n: number) => `${n} vote${n === 1 ? '' : 's'}`,
  noneYet: 'None yet.',
  reportFooter: 'Votes never change how answers are ranked; they show what to add to knowledge/.',
};
