import { describe, expect, it } from 'vitest';
import { code, joinRich, markup, md, mention, plain, spans } from '../../src/chat/rich.js';

describe('inline markup (md)', () => {
  it('GIVEN markers in the template THEN they format the text between them', () => {
    expect(md`a *bold* _it_ \`x*y\` b`).toEqual([
      { text: 'a ' },
      { text: 'bold', bold: true },
      { text: ' ' },
      { text: 'it', italic: true },
      { text: ' ' },
      { text: 'x*y', code: true },
      { text: ' b' },
    ]);
  });

  it('GIVEN user text with markers, mentions or backticks THEN it stays one literal span, even inside a styled span', () => {
    const hostile = '*x* _y_ `z` <@U1> <!here>';
    expect(md`Result: *${hostile}* wins`).toEqual([
      { text: 'Result: ' },
      { text: hostile, bold: true },
      { text: ' wins' },
    ]);
    expect(spans(hostile)).toEqual([{ text: hostile }]);
  });

  it('GIVEN spans interpolated THEN they are spliced in as they are', () => {
    expect(md`by ${mention('U1')} with ${[code('/versus poll')]}`).toEqual([
      { text: 'by ' },
      { mention: 'U1' },
      { text: ' with ' },
      { text: '/versus poll', code: true },
    ]);
  });

  it('renders plain text for the console: code keeps its backticks, mentions are @id', () => {
    expect(plain(md`*Hi* ${mention('U1')}, run \`/versus help\``)).toBe('Hi @U1, run `/versus help`');
    expect(plain(joinRich([markup('`a`'), 'b'], ', '))).toBe('`a`, b');
  });
});
