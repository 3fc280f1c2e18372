import type { AnswersStore } from '../answers/answers-store.js';
import type { Feature, FeatureDeps } from '../chat/feature.js';
import { pollFeature } from './poll-feature.js';
import { PollService } from './poll-service.js';
import { PollStore } from './poll-store.js';
import { scheduleFeature } from './schedule-feature.js';
import { ScheduleService } from './schedule-service.js';
import { ScheduleStore } from './schedule-store.js';

/** Polls and the recurring debate polls built on them; `answers` gives closed polls and motions their claims. */
export function createPolls(
  deps: FeatureDeps,
  answers: AnswersStore,
): {
  polls: PollService;
  schedules: ScheduleService;
  features: Feature[];
} {
  const { shared, leases, ports, clock, logger } = deps;
  const polls = new PollService({
    store: new PollStore(shared),
    leases,
    answers,
    ports,
    clock,
    logger,
    updateIntervalMs: deps.updateIntervalMs,
    metrics: deps.metrics,
    locales: deps.locales,
  });
  const schedules = new ScheduleService({
    store: new ScheduleStore(shared),
    polls,
    answers,
    taxonomy: deps.taxonomy,
    clock,
    logger,
    locales: deps.locales,
  });
  return { polls, schedules, features: [pollFeature(polls, deps.locales), scheduleFeature(schedules)] };
}
