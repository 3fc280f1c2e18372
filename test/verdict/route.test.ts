import { describe, expect, it } from 'vitest';
import { asksForDecision } from '../../src/verdict/route.js';

/** The router's rule for mentions (chat/router.ts → verdict/route.ts): narrow, so questions stay questions. */
describe('which mentions ask for a verdict', () => {
  it.each([
    'should we use Go for our chat backend?',
    'Should I pick Python for this?',
    'should our team go with golang for the ingest service',
    'Go or Python for a B2B CRUD SaaS?',
    'python vs go for an ML platform',
    'which language should we use? four of us, MVP by spring',
  ])('asks for a decision: %s', (text) => expect(asksForDecision(text)).toBe(true));

  it.each([
    'does the GIL matter for web backends?',
    'how much memory does a goroutine start with?',
    'is go faster than python for web servers?',
    'compare concurrency',
    'should we go for lunch?',
    `should we use Go ${'for a very long situation '.repeat(100)}`,
  ])('is a question, not a decision: %s', (text) => expect(asksForDecision(text)).toBe(false));
});
