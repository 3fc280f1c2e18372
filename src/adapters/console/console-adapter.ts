import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { ChatContext } from '../../chat/context.js';
import type { VersusHandler } from '../../chat/handler.js';
import { fixedAdmin } from '../../chat/manage.js';
import type { ChatPort, MessageRef, Place, Uploaded } from '../../chat/port.js';
import { renderText } from '../../chat/render-text.js';
import type { Button, Reply } from '../../chat/reply.js';
import { en } from '../../chat/strings-en.js';

export interface ConsoleOptions {
  handler: VersusHandler;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  userId?: string;
  banner?: string;
  /** Where exports (poll CSVs) are written. Default ./data/exports. */
  exportDir?: string;
}

const PROMPT = 'versus> ';
/** Start of the line, then erase it: the prompt is redrawn under an update that arrives while it waits. */
const CLEAR_LINE = '\r\x1b[2K';
/** How many messages' last text is remembered to skip edits that change nothing. */
const REMEMBERED = 50;

/**
 * A local chat: type the same `/versus …` commands Slack and Discord get, `@versus <question>` for a
 * threaded mention, or the number of a button to click it.
 */
export class ConsoleAdapter implements ChatPort {
  readonly platform = 'console' as const;
  private rl: Interface | undefined;
  private buttons: Button[] = [];
  /** The message the current buttons belong to: a click edits it. */
  private buttonsMessageId = '0';
  private messageSeq = 0;
  /** How a private reply is marked, in the console channel's language (read again for every line typed). */
  private onlyYou = en.platform.onlyYou;
  /** Last text printed per message: an edit that changes nothing (a walk's re-render after Next) is not printed again. */
  private readonly printed = new Map<string, string>();
  /** The prompt is on screen, waiting for input: output that arrives now goes above it. */
  private prompting = false;
  /** The thread the last @versus mention started; plain lines are its follow-ups until a command ends it. */
  private thread: string | undefined;
  private threads = 0;
  private readonly out: NodeJS.WritableStream;

  constructor(private readonly opts: ConsoleOptions) {
    this.out = opts.output ?? process.stdout;
  }

  private ctx(extra: Partial<ChatContext> = {}): ChatContext {
    return {
      platform: 'console',
      workspaceId: 'local',
      channelId: 'console',
      userId: this.opts.userId ?? 'you',
      userName: 'you',
      isAdmin: fixedAdmin(true),
      ...extra,
    };
  }

  /** Prints a message (new, or an edit of `messageId`) unless it is an edit identical to what is shown. */
  private show(reply: Reply, messageId?: string): MessageRef {
    const id = messageId ?? String(++this.messageSeq);
    const prefix = reply.visibility === 'ephemeral' ? `${this.onlyYou}\n` : '';
    const text = `${prefix}${renderText(reply)}`;
    const ref = { channelId: 'console', messageId: id };
    if (messageId !== undefined && this.printed.get(id) === text) return ref;
    this.printed.delete(id);
    this.printed.set(id, text);
    if (this.printed.size > REMEMBERED) this.printed.delete(this.printed.keys().next().value!);
    // Ephemeral notes ("You're on Team Go") carry no buttons: keep the last message's buttons clickable.
    if (reply.buttons?.length || reply.visibility === 'channel') {
      this.buttons = reply.buttons ?? [];
      this.buttonsMessageId = id;
    }
    if (this.prompting) {
      // Arrived while the prompt waits (a poll's new tally, a walk's next step): draw it above the prompt.
      const tty = (this.out as NodeJS.WriteStream).isTTY === true;
      this.out.write(`${tty ? CLEAR_LINE : '\n'}${text}\n\n${PROMPT}`);
    } else this.out.write(`\n${text}\n\n`);
    return ref;
  }

  async post(_at: Place, reply: Reply): Promise<MessageRef> {
    return this.show(reply);
  }

  async update(ref: MessageRef, reply: Reply): Promise<void> {
    this.show(reply, ref.messageId);
  }

  async upload({ channelId }: Place, filename: string, content: string): Promise<Uploaded> {
    const dir = resolve(this.opts.exportDir ?? './data/exports');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, filename);
    writeFileSync(file, content);
    return { channelId, path: file };
  }

  /** Handles one line of input; resolves when the reply is printed. */
  async handleLine(line: string): Promise<void> {
    const text = line.trim();
    if (!text) return;
    const { handler } = this.opts;
    this.onlyYou = (await handler.words(this.ctx())).onlyYou;
    const button = /^\d{1,2}$/.test(text) ? this.buttons[Number(text) - 1] : undefined;
    if (button) {
      const messageId = this.buttonsMessageId;
      const outcome = await handler.action(button.actionId, this.ctx({ messageId }));
      if (outcome.update) this.show(outcome.update, messageId);
      if (outcome.reply) this.show(outcome.reply);
      return;
    }
    if (text.startsWith('@versus')) {
      // Each mention starts a thread of its own, as a new message does on Slack and Discord.
      this.thread = `console-thread-${++this.threads}`;
      this.show(await handler.mention(text.replace(/^@versus\b/, ''), { ...this.ctx(), threadId: this.thread }));
      return;
    }
    // A command ends the thread: "/versus …", or a line that starts with a command word ("help", "poll …").
    const [first = ''] = text.split(/\s+/, 1);
    if (text.startsWith('/') || handler.names.includes(first.toLowerCase())) this.thread = undefined;
    else if (this.thread) {
      // Plain lines after an @versus mention are follow-ups in its thread, as on Slack and Discord.
      const follow = await handler.threadMessage(text, { ...this.ctx(), threadId: this.thread });
      if (follow) this.show(follow);
      return;
    }
    this.show(await handler.command(text.replace(/^\/(?:versus\b)?/, ''), this.ctx()));
  }

  /** Runs the REPL until the input ends or the user types `exit`. */
  start(): Promise<void> {
    const rl = createInterface({
      input: this.opts.input ?? process.stdin,
      output: this.out,
      prompt: PROMPT,
      terminal: false,
    });
    this.rl = rl;
    if (this.opts.banner) this.out.write(`${this.opts.banner}\n`);
    const prompt = () => {
      this.out.write(PROMPT);
      this.prompting = true;
    };
    prompt();
    let queue = Promise.resolve();
    return new Promise((resolveDone) => {
      rl.on('line', (line) => {
        // The user pressed Enter: the prompt line is theirs now, output goes below it.
        this.prompting = false;
        if (/^(exit|quit|\.exit)$/i.test(line.trim())) return rl.close();
        queue = queue.then(() => this.handleLine(line)).then(prompt);
      });
      rl.on('close', () => void queue.then(() => resolveDone()));
    });
  }

  async stop(): Promise<void> {
    this.rl?.close();
  }
}
