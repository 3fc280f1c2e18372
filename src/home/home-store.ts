import type { Platform } from '../chat/context.js';
import type { SharedDb } from '../store/shared-db.js';

/** How many rows each list of the home shows. */
const ROWS = 10;

export interface HomePoll {
  id: string;
  question: string;
  channelId: string;
  closesAt: string;
}
export interface HomeWalk {
  id: string;
  channelId: string;
  mode: 'channel' | 'solo';
  step: number;
}
export interface HomeSchedule {
  id: string;
  channelId: string;
  spec: string;
  nextRunAt: string;
}

/**
 * One person's view across the poll, walk and schedule tables (read only; each feature's own store writes
 * them). Only what the person took part in is listed: the core cannot tell which channels they can read.
 */
export class HomeStore {
  constructor(private readonly shared: SharedDb) {}

  private get db() {
    return this.shared.db;
  }

  async openPolls(platform: Platform, workspaceId: string, userId: string, nowIso: string): Promise<HomePoll[]> {
    return this.db
      .selectFrom('polls as p')
      .select(['p.id', 'p.question', 'p.channel_id as channelId', 'p.closes_at as closesAt'])
      .where('p.platform', '=', platform)
      .where('p.workspace_id', '=', workspaceId)
      .where('p.closed_at', 'is', null)
      .where('p.closes_at', '>', nowIso)
      .where((eb) =>
        eb.or([
          eb('p.creator_id', '=', userId),
          eb.exists(
            eb
              .selectFrom('votes as v')
              .select('v.poll_id')
              .whereRef('v.poll_id', '=', 'p.id')
              .where('v.user_id', '=', userId),
          ),
        ]),
      )
      .orderBy('p.closes_at')
      .limit(ROWS)
      .execute();
  }

  async openWalks(platform: Platform, workspaceId: string, userId: string): Promise<HomeWalk[]> {
    return this.db
      .selectFrom('matrix_sessions as s')
      .select(['s.id', 's.channel_id as channelId', 's.mode', 's.step'])
      .where('s.platform', '=', platform)
      .where('s.workspace_id', '=', workspaceId)
      .where('s.status', '=', 'open')
      .where((eb) =>
        eb.or([
          eb('s.starter_id', '=', userId),
          eb.exists(
            eb
              .selectFrom('matrix_answers as a')
              .select('a.session_id')
              .whereRef('a.session_id', '=', 's.id')
              .where('a.user_id', '=', userId),
          ),
        ]),
      )
      .orderBy('s.updated_at', 'desc')
      .limit(ROWS)
      .execute();
  }

  async schedules(platform: Platform, workspaceId: string, userId: string): Promise<HomeSchedule[]> {
    return this.db
      .selectFrom('schedules')
      .select(['id', 'channel_id as channelId', 'spec', 'next_run_at as nextRunAt'])
      .where('platform', '=', platform)
      .where('workspace_id', '=', workspaceId)
      .where('created_by', '=', userId)
      .orderBy('next_run_at')
      .limit(ROWS)
      .execute();
  }
}
