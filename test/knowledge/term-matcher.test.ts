import { describe, expect, it } from 'vitest';
import { TermMatcher } from '../../src/knowledge/term-matcher.js';

describe('term matcher', () => {
  const m = new TermMatcher<string>([
    ['Go', 'go'],
    ['net/http', 'net-http'],
    ['req/s', 'rps'],
    ['Python 3', 'py3'],
    ['Python 3 12', 'py312'],
    ['çalış', 'work'],
    ['𝐀pi', 'astral'],
    ['snake_case', 'snake'],
  ]);
  const found = (text: string) => m.find(text).map((h) => [h.index, h.text, h.value]);

  it('finds whole words and phrases as written, longest phrase first, at their offsets', () => {
    expect(found('Go vs Net/HTTP at 5 req/s on Python 3.12 and python 3')).toEqual([
      [0, 'Go', 'go'],
      [6, 'Net/HTTP', 'net-http'],
      [20, 'req/s', 'rps'],
      [29, 'Python 3.12', 'py312'],
      [45, 'python 3', 'py3'],
    ]);
  });

  it('never matches inside a word, and treats letters beyond ASCII (and beyond 16 bits) as word characters', () => {
    expect(found('Golang gopher _Go Go_ snake_case')).toEqual([[22, 'snake_case', 'snake']]);
    expect(found('Çalış, çalışan; 𝐀pi 𝐀pis x𝐀pi')).toEqual([
      [0, 'Çalış', 'work'],
      [16, '𝐀pi', 'astral'],
    ]);
  });

  it('finds nothing in an empty or wordless text', () => {
    expect(found('')).toEqual([]);
    expect(found(' -- / ...')).toEqual([]);
  });
});
