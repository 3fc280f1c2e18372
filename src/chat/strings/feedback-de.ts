import { code, md } from '../rich.js';
import type { feedbackEn } from './feedback-en.js';

/** 👍/👎 und `/versus report` auf Deutsch. */
export const feedbackDe: typeof feedbackEn = {
  helpful: 'Danke: als hilfreich vermerkt.',
  notHelpful: () =>
    md`Danke: als nicht hilfreich vermerkt. Admins sehen das in ${code('/versus report')} und ergänzen Quellen dafür.`,
  tooOld: 'Diese Antwort ist zu alt zum Bewerten. Frag noch einmal.',
  onlyAdmins: (admin) => `Den Bericht kann nur ${admin} sehen.`,
  reportTitle: 'Was dem Wissensordner fehlt',
  unanswered: 'Gefragt, aber nichts gefunden',
  voted: 'Als nicht hilfreich bewertete Antworten',
  times: (n) => `${n}-mal`,
  votes: (n) => `${n} ${n === 1 ? 'Stimme' : 'Stimmen'}`,
  noneYet: 'Noch keine.',
  reportFooter: 'Bewertungen ändern nie, wie Antworten sortiert werden; sie zeigen, was in knowledge/ fehlt.',
};
