import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, RootOperationNode } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/chat/context.js';
import type { Reply } from '../../src/chat/reply.js';
import type { Core } from '../../src/core.js';
import type { SharedDb } from '../../src/store/shared-db.js';
import { RecordingPort } from '../fakes/recording-port.js';
import { portCtx } from '../helpers/chat.js';
import { REAL_KNOWLEDGE, testCore } from '../helpers/core.js';
import { BACKENDS, useStore } from '../store/backends.js';

const port = new RecordingPort('slack');
port.admins.add('UADMIN');
const at = { platform: 'slack', workspaceId: 'T1', channelId: 'C1' } as const;
const ana: ChatContext = portCtx(port, { ...at, userId: 'UANA' });
const admin: ChatContext = portCtx(port, { ...at, userId: 'UADMIN' });
/** Answered over more than one page, so the answer has a "More sources" button. */
const PAGED = 'ask how much memory do goroutines and threads use';

/** Notes the table of every INSERT, UPDATE and DELETE the shared store is sent. */
class WriteLog implements KyselyPlugin {
  tables: string[] = [];
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind === 'InsertQueryNode') this.tables.push(node.into?.table.identifier.name ?? '?');
    if (node.kind === 'UpdateQueryNode' || node.kind === 'DeleteQueryNode') this.tables.push(node.kind);
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs) {
    return result;
  }
}

/** The store with its writes logged; closing stays with the contract backend, which owns the pool. */
function logged(shared: SharedDb, log: WriteLog): SharedDb {
  return { ...shared, db: shared.db.withPlugin(log), close: async () => {} };
}

/** Issue 22 item 3: the shared-store writes one `/versus ask` costs, on both backends, through the real core. */
describe.each(BACKENDS)('writes per /versus ask on $name', (backend) => {
  const store = useStore(backend);
  let core: Core | undefined;
  afterEach(async () => {
    await core?.close();
  });

  async function start(): Promise<WriteLog> {
    const log = new WriteLog();
    core = await testCore(REAL_KNOWLEDGE, ':memory:', { shared: logged(store().shared, log) });
    core.registerPort(port);
    return log;
  }

  it('a private answer with a second page is one write', async () => {
    const log = await start();
    log.tables = [];
    const r = await core!.handler.command(PAGED, ana);
    expect(r.visibility).toBe('ephemeral');
    expect(r.buttons?.map((b) => b.label)).toContain('More sources');
    // One row: the log, the record, More's question and Share's copy of the answer (four rows before).
    expect(log.tables).toEqual(['answer_log']);
  });

  it('a public answer with a second page is one write', async () => {
    const log = await start();
    await core!.handler.command('settings answers public', admin);
    log.tables = [];
    const r = await core!.handler.command(PAGED, ana);
    expect(r.visibility).toBe('channel');
    expect(log.tables).toEqual(['answer_log']);
  });

  it('"More sources" on a private answer writes nothing, and Share under page 2 is the one update', async () => {
    const log = await start();
    const button = (r: Reply | undefined, label: string) => r?.buttons?.find((b) => b.label === label)?.actionId ?? '';
    const first = await core!.handler.command(PAGED, ana);
    log.tables = [];
    const page = await core!.handler.action(button(first, 'More sources'), ana);
    expect(page.update?.visibility).toBe('ephemeral');
    expect(log.tables).toEqual([]);
    const shared = await core!.handler.action(button(page.update, 'Share with channel'), ana);
    // Page 2 composed again from the record, as More composed it.
    expect(shared.reply?.blocks.slice(0, -1)).toEqual(page.update?.blocks);
    expect(log.tables).toEqual(['UpdateQueryNode']);
  });
});
