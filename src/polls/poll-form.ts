import type { FeatureForm } from '../chat/feature.js';
import type { Form, FormValues } from '../chat/form.js';
import type { Reply } from '../chat/reply.js';
import { issueText, md, plain } from '../chat/rich.js';
import { DEFAULT_DURATION_MS, parseDuration } from './duration.js';
import { checkOptions, MAX_OPTIONS, MIN_OPTIONS, Question } from './poll-args.js';
import type { PollService } from './poll-service.js';

export const POLL_FORM: Form = {
  id: 'poll-new',
  title: 'New poll',
  submitLabel: 'Post poll',
  fields: [
    {
      id: 'question',
      label: 'Question',
      kind: 'text',
      placeholder: 'Which language for the billing service?',
      maxLength: 250,
    },
    {
      id: 'options',
      label: 'Options',
      kind: 'multiline',
      hint: `One per line, ${MIN_OPTIONS} to ${MAX_OPTIONS}.`,
      placeholder: 'Go\nPython',
      maxLength: MAX_OPTIONS * 76,
    },
    { id: 'public', label: 'List who voted for what (otherwise anonymous)', kind: 'toggle', optional: true },
    {
      id: 'duration',
      label: 'Open for',
      kind: 'text',
      placeholder: '24h (30m, 2h, 3d; at most 30d)',
      optional: true,
      maxLength: 20,
    },
  ],
};

/** `/versus poll new`: the form where there is one; the console shows how to do it by command. */
export function pollFormReply(): Reply {
  return {
    visibility: 'ephemeral',
    title: 'New poll',
    blocks: [
      {
        type: 'text',
        text: md`Here, write the poll as a command: \`/versus poll "Which for billing?" "Go" "Python" public for 2h\`.`,
      },
    ],
    form: POLL_FORM,
  };
}

const text = (v: FormValues[string]) => (typeof v === 'string' ? v : '');

/** The form's submit, checked with the command's rules; each problem is shown on its field. */
export function pollForm(polls: PollService): FeatureForm {
  return {
    id: POLL_FORM.id,
    async submit(values, ctx) {
      const errors: Record<string, string> = {};
      const q = Question.safeParse(text(values.question));
      if (!q.success) errors.question = plain(issueText(q.error));
      const lines = text(values.options)
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean);
      const options = checkOptions(lines);
      if (!options.ok) errors.options = plain(options.error);
      const duration = text(values.duration).trim() ? parseDuration(text(values.duration)) : undefined;
      if (duration && !duration.ok) errors.duration = plain(duration.error);
      if (!q.success || !options.ok || (duration && !duration.ok)) return { errors };
      const reply = await polls.create(
        {
          op: 'create',
          kind: 'custom',
          question: q.data,
          options: options.value,
          anonymous: values.public !== true,
          durationMs: duration?.ok ? duration.value : DEFAULT_DURATION_MS,
        },
        ctx,
      );
      return { reply };
    },
  };
}
