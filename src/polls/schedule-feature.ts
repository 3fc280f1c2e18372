import { command, type Feature } from '../chat/feature.js';
import { parseScheduleArgs } from './schedule-args.js';
import type { ScheduleService } from './schedule-service.js';

/** `/versus schedule add|list|remove`: recurring debate polls in a channel. */
export function scheduleFeature(schedules: ScheduleService): Feature {
  return {
    name: 'schedule',
    needsServer: true,
    help: {
      usage: '/versus schedule add <when> [--tz Zone] [--duration 24h] | list | remove <id>',
      example: '/versus schedule add every monday at 10:00 --tz Europe/Berlin',
    },
    command: command(parseScheduleArgs, (cmd, ctx) => {
      switch (cmd.op) {
        case 'add':
          return schedules.add(cmd, ctx);
        case 'list':
          return schedules.list(ctx);
        case 'remove':
          return schedules.remove(cmd.id, ctx);
      }
    }),
    tasks: [{ name: 'debatesPosted', run: () => schedules.runDue() }],
  };
}
