import {
  ApplicationIntegrationType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from 'discord.js';

/**
 * The `/versus` slash command. Each subcommand declares its options and how its values become the
 * platform-neutral command text (`compare concurrency`) that handler.command() parses: the core owns all
 * parsing and validation, so options here are only as strict as Discord's UI needs. A new core feature
 * gets one entry in FEATURES under its name; then run `npm run discord:register` again.
 */
export const COMMAND_NAME = 'versus';

export type OptionValue = string | number | boolean | undefined;
export type OptionValues = Record<string, OptionValue>;

export interface OptionSpec {
  name: string;
  description: string;
  /** An attachment's value is its URL: the core fetches it like a link. */
  type: 'string' | 'boolean' | 'attachment';
  required?: boolean | undefined;
  maxLength?: number | undefined;
  choices?: readonly string[] | undefined;
  /** The option name handler.autocomplete() knows (e.g. 'topic'); Discord then asks us while the user types. */
  autocomplete?: string | undefined;
}

export interface SubcommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** Option values → command text, e.g. { topic: 'gil' } → "compare gil". */
  toText(values: OptionValues): string;
}

const str = (v: OptionValue) => (v === undefined ? '' : String(v).trim());
/** For a quoted argument of the core's tokenizer: double quotes inside would end the quote early. */
/** A value as one quoted word of the command text; its own double quotes become single ones. */
const quoted = (v: OptionValue) => `"${str(v).replace(/["“”]/g, "'")}"`;
const join = (...parts: string[]) => parts.filter(Boolean).join(' ');

/** The subcommand of each core feature, keyed by the feature's name (a test checks that every feature has one). */
const FEATURES: Readonly<Record<string, Omit<SubcommandSpec, 'name'>>> = {
  ask: {
    description: 'The best cited claims that answer a question',
    options: [
      {
        name: 'question',
        description: 'e.g. how much memory does a goroutine start with?',
        type: 'string',
        required: true,
        maxLength: 6000,
      },
    ],
    toText: (v) => join('ask', str(v.question)),
  },
  compare: {
    description: 'Go vs Python on a topic, with figures and disagreements between sources',
    options: [
      {
        name: 'topic',
        description: 'e.g. concurrency, performance, hiring',
        type: 'string',
        required: true,
        maxLength: 60,
        autocomplete: 'topic',
      },
    ],
    toText: (v) => join('compare', str(v.topic)),
  },
  sources: {
    description: 'The indexed articles; admins add a team article (a link or a file) or remove one',
    options: [
      {
        name: 'action',
        description: 'list (default), add or remove',
        type: 'string',
        choices: ['list', 'add', 'remove'],
      },
      { name: 'link', description: 'For add: a web page, Markdown, text or PDF link', type: 'string', maxLength: 2000 },
      { name: 'file', description: 'For add: an HTML, Markdown, text or PDF file', type: 'attachment' },
      {
        name: 'id',
        description: 'For remove: the id /versus sources shows, e.g. d3k9x2a',
        type: 'string',
        maxLength: 20,
      },
    ],
    toText: (v) => {
      if (v.action === 'add') return join('sources add', str(v.file ?? v.link));
      if (v.action === 'remove') return join('sources remove', str(v.id));
      return 'sources';
    },
  },
  poll: {
    description: 'Team Go vs Team Python poll, or your own question and options',
    options: [
      { name: 'question', description: 'Your own question (then give options too)', type: 'string', maxLength: 250 },
      {
        name: 'options',
        description: 'Options separated by | e.g. Go | Python | Rust',
        type: 'string',
        maxLength: 800,
      },
      { name: 'public', description: 'Show who voted for what (default: anonymous)', type: 'boolean' },
      {
        name: 'duration',
        description: 'How long it stays open, e.g. 2h, 3d (default 24h)',
        type: 'string',
        maxLength: 20,
      },
      {
        name: 'manage',
        description: 'new: fill in a form; close, results or export an existing poll (give its id)',
        type: 'string',
        choices: ['new', 'close', 'results', 'export'],
      },
      { name: 'id', description: 'Poll id for manage, e.g. p3k9x2', type: 'string', maxLength: 20 },
    ],
    toText: (v) => {
      // `new` opens the core's poll form (a modal); the rest act on an existing poll.
      if (v.manage === 'new') return 'poll new';
      if (v.manage) return join('poll', str(v.manage), str(v.id));
      const options = str(v.options)
        .split('|')
        .map((o) => o.trim())
        .filter(Boolean);
      return join(
        'poll',
        v.question ? quoted(v.question) : '',
        ...options.map(quoted),
        v.public ? 'public' : '',
        v.duration ? `for ${str(v.duration)}` : '',
      );
    },
  },
  schedule: {
    description: 'Recurring debate polls in this channel',
    options: [
      {
        name: 'action',
        description: 'add, list or remove',
        type: 'string',
        required: true,
        choices: ['add', 'list', 'remove'],
      },
      { name: 'when', description: 'For add, e.g. every monday at 10:00', type: 'string', maxLength: 100 },
      { name: 'timezone', description: 'For add, e.g. Europe/Berlin (default UTC)', type: 'string', maxLength: 60 },
      {
        name: 'duration',
        description: 'For add: how long each poll stays open, e.g. 24h',
        type: 'string',
        maxLength: 20,
      },
      { name: 'id', description: 'For remove: the schedule id from list', type: 'string', maxLength: 40 },
    ],
    toText: (v) => {
      if (v.action === 'add')
        return join(
          'schedule add',
          str(v.when),
          v.timezone ? `--tz ${str(v.timezone)}` : '',
          v.duration ? `--duration ${str(v.duration)}` : '',
        );
      if (v.action === 'remove') return join('schedule remove', str(v.id));
      return 'schedule list';
    },
  },
  matrix: {
    description: 'Walk through the Go-or-Python decision matrix; weights: tune it for this channel',
    options: [
      {
        name: 'mode',
        description: 'start (default, with the channel), solo, status, cancel, or weights',
        type: 'string',
        choices: ['start', 'solo', 'status', 'cancel', 'weights'],
      },
      {
        name: 'factor',
        description: 'Admins, with weights: the factor to change, e.g. hiring (reset: every factor)',
        type: 'string',
        maxLength: 40,
      },
      {
        name: 'weight',
        description: 'Admins, with weights: 0 to 3 (e.g. 2 or 0.5), off, on or reset',
        type: 'string',
        maxLength: 10,
      },
    ],
    toText: (v) =>
      v.mode === 'weights'
        ? join('matrix weights', str(v.factor), str(v.weight))
        : join('matrix', v.mode === 'start' ? '' : str(v.mode)),
  },
  verdict: {
    description: 'A quick Go-or-Python verdict from your situation in a sentence or two, with its reasons',
    options: [
      {
        name: 'situation',
        description: 'e.g. four of us, a B2B CRUD SaaS, some pandas, no real-time needs, MVP by spring',
        type: 'string',
        required: true,
        maxLength: 2000,
      },
    ],
    toText: (v) => join('verdict', str(v.situation)),
  },
  settings: {
    description: "This channel's settings; admins: answers public or private, Versus' language",
    options: [
      {
        name: 'answers',
        description: 'Admins: post answers in the channel (public) or only to the asker with Share (private)',
        type: 'string',
        choices: ['public', 'private'],
      },
      {
        name: 'language',
        description: "Admins: the language Versus writes in here; default follows the server's",
        type: 'string',
        choices: ['de', 'en', 'default'],
      },
    ],
    toText: (v) =>
      join('settings', v.answers ? `answers ${str(v.answers)}` : '', v.language ? `language ${str(v.language)}` : ''),
  },
  home: {
    description: 'Your open polls, walks and schedules; the sources; for admins, what the sources miss',
    options: [],
    toText: () => 'home',
  },
  report: {
    description: 'Admins: the questions Versus could not answer, and answers voted not helpful',
    options: [],
    toText: () => 'report',
  },
};

/** `help` offers every other subcommand as a choice. */
const BY_FEATURE: Readonly<Record<string, Omit<SubcommandSpec, 'name'>>> = {
  ...FEATURES,
  help: {
    description: 'How to use Versus, with examples',
    options: [
      {
        name: 'command',
        description: 'Help for one command',
        type: 'string',
        choices: Object.keys(FEATURES),
      },
    ],
    toText: (v) => join('help', str(v.command)),
  },
};

export const SUBCOMMANDS: readonly SubcommandSpec[] = Object.entries(BY_FEATURE).map(([name, spec]) => ({
  name,
  ...spec,
}));

export function subcommand(name: string): SubcommandSpec | undefined {
  return SUBCOMMANDS.find((s) => s.name === name);
}

/** The JSON body for PUT /applications/:id(/guilds/:id)/commands (bulk overwrite). */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const cmd = new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription('Go or Python for our backend? Answers with cited evidence')
    // Installable on a server and by a user: ask, compare, sources and help work in DMs and in any server the
    // user is in. poll, schedule and matrix need the bot in the channel; the core refuses them elsewhere (Feature.needsServer).
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall);
  for (const spec of SUBCOMMANDS) {
    cmd.addSubcommand((sub) => {
      sub.setName(spec.name).setDescription(spec.description);
      for (const o of spec.options) {
        if (o.type === 'boolean')
          sub.addBooleanOption((b) =>
            b
              .setName(o.name)
              .setDescription(o.description)
              .setRequired(o.required ?? false),
          );
        else if (o.type === 'attachment')
          sub.addAttachmentOption((a) =>
            a
              .setName(o.name)
              .setDescription(o.description)
              .setRequired(o.required ?? false),
          );
        else {
          sub.addStringOption((s) => {
            s.setName(o.name)
              .setDescription(o.description)
              .setRequired(o.required ?? false);
            if (o.maxLength) s.setMaxLength(o.maxLength);
            if (o.autocomplete) s.setAutocomplete(true);
            if (o.choices) s.addChoices(...o.choices.map((c) => ({ name: c, value: c })));
            return s;
          });
        }
      }
      return sub;
    });
  }
  return [cmd.toJSON()];
}

/** A chat-input interaction → the command text for handler.command(), or undefined if it is not ours. */
export function interactionText(i: ChatInputCommandInteraction): string | undefined {
  if (i.commandName !== COMMAND_NAME) return undefined;
  const spec = subcommand(i.options.getSubcommand(false) ?? '');
  if (!spec) return 'help';
  const values: OptionValues = {};
  for (const o of spec.options) {
    const v = o.type === 'attachment' ? i.options.getAttachment(o.name)?.url : i.options.get(o.name)?.value;
    if (v !== undefined && v !== null) values[o.name] = v;
  }
  return spec.toText(values);
}

/** Which core option an autocomplete request is for, e.g. 'topic'; undefined when the option has none. */
export function autocompleteOption(subcommandName: string | null, optionName: string): string | undefined {
  return subcommand(subcommandName ?? '')?.options.find((o) => o.name === optionName)?.autocomplete;
}
