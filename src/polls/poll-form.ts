import type { ChatContext } from '../chat/context.js';
import type { FeatureForm } from '../chat/feature.js';
import type { Form, FormValues } from '../chat/form.js';
import type { Reply } from '../chat/reply.js';
import { issueText, plain } from '../chat/rich.js';
import type { Strings } from '../chat/strings-en.js';
import { DEFAULT_DURATION_MS, parseDuration } from './duration.js';
import { checkOptions, MAX_OPTIONS, MIN_OPTIONS, pollSchemas } from './poll-args.js';
import type { PollService } from './poll-service.js';

export const POLL_FORM_ID = 'poll-new';

/** The poll form, labelled in the place's language. */
export function pollFormOf(t: Strings): Form {
  const say = t.pollCommands.form;
  return {
    id: POLL_FORM_ID,
    title: say.title,
    submitLabel: say.submit,
    fields: [
      { id: 'question', label: say.question, kind: 'text', placeholder: say.questionPlaceholder, maxLength: 250 },
      {
        id: 'options',
        label: say.options,
        kind: 'multiline',
        hint: say.optionsHint(MIN_OPTIONS, MAX_OPTIONS),
        placeholder: 'Go\nPython',
        maxLength: MAX_OPTIONS * 76,
      },
      { id: 'public', label: say.public, kind: 'toggle', optional: true },
      {
        id: 'duration',
        label: say.duration,
        kind: 'text',
        placeholder: say.durationPlaceholder,
        optional: true,
        maxLength: 20,
      },
    ],
  };
}

/** `/versus poll new`: the form where there is one; the console shows how to do it by command. */
export function pollFormReply(t: Strings): Reply {
  return {
    visibility: 'ephemeral',
    title: t.pollCommands.form.title,
    blocks: [{ type: 'text', text: t.pollCommands.form.byCommand() }],
    form: pollFormOf(t),
  };
}

const text = (v: FormValues[string]) => (typeof v === 'string' ? v : '');

/** The form's submit, checked with the command's rules; each problem is shown on its field, in the place's language. */
export function pollForm(polls: PollService, strings: (ctx: ChatContext) => Strings): FeatureForm {
  return {
    id: POLL_FORM_ID,
    async submit(values, ctx) {
      const t = strings(ctx);
      const errors: Record<string, string> = {};
      const q = pollSchemas(t).Question.safeParse(text(values.question));
      if (!q.success) errors.question = plain(issueText(q.error));
      const lines = text(values.options)
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean);
      const options = checkOptions(lines, t);
      if (!options.ok) errors.options = plain(options.error);
      const duration = text(values.duration).trim() ? parseDuration(text(values.duration), t) : undefined;
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
