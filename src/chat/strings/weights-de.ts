import { code, md } from '../rich.js';
import type { weightsEn } from './weights-en.js';

/** `/versus matrix weights` in German (our own translation). */
export const weightsDe: typeof weightsEn = {
  usage: () =>
    md`${code('/versus matrix weights')} zeigt die Gewichte dieses Channels; Admins: ${code('/versus matrix weights <factor> <weight>')} mit einem Gewicht von 0 bis 3 (${code('2')}, ${code('0.5')}, ${code('150%')}), ${code('off')}, ${code('on')} oder ${code('reset')}, oder ${code('/versus matrix weights reset')} für alle.`,
  onlyAdmins: (platform) =>
    `Nur ${
      platform === 'slack'
        ? 'ein Workspace-Admin'
        : platform === 'discord'
          ? 'ein Server-Admin (Nachrichten verwalten oder Server verwalten)'
          : 'ein Admin'
    } kann die Gewichte der Matrix in diesem Channel ändern.`,
  noFactor: (name, factors) => md`Einen Faktor „${name}“ gibt es nicht. Faktoren: ${factors}.`,
  changedLine: (title, id, weight, by, day) => md`• *${title}* (${code(id)}): ${weight} — geändert von ${by} am ${day}`,
  defaultLine: (title, id) => md`• ${title} (${code(id)}): ×1, das Gewicht der Quellen`,
  title: (changed) => (changed ? 'Gewichte der Matrix hier geändert' : 'Gewichte der Matrix hier'),
  about: (usage) =>
    md`Ein Gewicht skaliert, was die Antwort auf einen Faktor zu Go oder Python beiträgt; ${code('off')} lässt ihn in diesem Channel aus Durchgängen und Urteilen heraus. ${usage}`,
};
