import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { ChatContext } from '../../chat/context.js';
import type { VersusHandler } from '../../chat/handler.js';
import type { ChatPort, MessageRef } from '../../chat/port.js';
import { renderText } from '../../chat/render-text.js';
import type { Button, Reply } from '../../chat/reply.js';

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

/**
 * A local chat: type the same `/versus …` commands Slack and Discord get, `@versus <question>` for a
 * threaded mention, or the number of a button to click it.
 */
export class ConsoleAdapter implements ChatPort {
  readonly platform = 'console' as const;
  private rl: Interface | undefined;
  private buttons: Button[] = [];
  private messageSeq = 0;
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
      isAdmin: true,
      ...extra,
    };
  }

  private show(reply: Reply): MessageRef {
    const messageId = String(++this.messageSeq);
    // Ephemeral notes ("You're on Team Go") carry no buttons: keep the last message's buttons clickable.
    if (reply.buttons?.length || reply.visibility === 'channel') this.buttons = reply.buttons ?? [];
    const prefix = reply.visibility === 'ephemeral' ? '(only you can see this)\n' : '';
    this.out.write(`\n${prefix}${renderText(reply)}\n\n`);
    return { channelId: 'console', messageId };
  }

  async post(_channelId: string, reply: Reply): Promise<MessageRef> {
    return this.show(reply);
  }

  async update(_ref: MessageRef, reply: Reply): Promise<void> {
    this.show(reply);
  }

  async upload(_channelId: string, filename: string, content: string): Promise<string> {
    const dir = resolve(this.opts.exportDir ?? './data/exports');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, filename);
    writeFileSync(file, content);
    return file;
  }

  /** Handles one line of input; resolves when the reply is printed. */
  async handleLine(line: string): Promise<void> {
    const text = line.trim();
    if (!text) return;
    const { handler } = this.opts;
    const button = /^\d{1,2}$/.test(text) ? this.buttons[Number(text) - 1] : undefined;
    if (button) {
      const outcome = await handler.action(button.actionId, this.ctx({ messageId: String(this.messageSeq) }));
      if (outcome.update) this.show(outcome.update);
      if (outcome.reply) this.show(outcome.reply);
      return;
    }
    if (text.startsWith('@versus')) {
      this.show(await handler.mention(text.replace(/^@versus\b/, ''), { ...this.ctx(), threadId: 'console-thread' }));
      return;
    }
    if (!text.startsWith('/')) {
      // After an @versus mention, plain lines are follow-ups in that thread, as on Slack and Discord.
      const follow = await handler.threadMessage(text, { ...this.ctx(), threadId: 'console-thread' });
      if (follow) {
        this.show(follow);
        return;
      }
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
    this.out.write(PROMPT);
    let queue = Promise.resolve();
    return new Promise((resolveDone) => {
      rl.on('line', (line) => {
        if (/^(exit|quit|\.exit)$/i.test(line.trim())) return rl.close();
        queue = queue.then(() => this.handleLine(line)).then(() => void this.out.write(PROMPT));
      });
      rl.on('close', () => void queue.then(() => resolveDone()));
    });
  }

  async stop(): Promise<void> {
    this.rl?.close();
  }
}
