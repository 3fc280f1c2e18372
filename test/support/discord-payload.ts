import {
  ComponentAssertions,
  ComponentsV2Assertions,
  EmbedAssertions,
  LabelAssertions,
  ModalAssertions,
  SelectMenuAssertions,
} from '@discordjs/builders';
import { messageProblem } from '../fakes/discord-rest.js';

type Json = Record<string, unknown>;

/**
 * What Discord would refuse in a body Versus sends (a message, an interaction callback, a modal), checked
 * with @discordjs/builders' own validators (the predicates its builders' setters run; `toJSON()` in 1.x
 * checks only required fields) plus the message-level sums Discord enforces. Empty when valid.
 */
export function discordPayloadProblems(body: Json): string[] {
  const out: string[] = [];
  const check = (where: string, validate: () => unknown) => {
    try {
      validate();
    } catch (e) {
      // shapeshift's CombinedError lists its parts; the first line of each says what is wrong.
      const parts = (e as { errors?: Error[] }).errors ?? [e as Error];
      out.push(`${where}: ${parts.map((p) => p.message.split('\n')[0]).join('; ')}`);
    }
  };
  const fail = (where: string, problem: string) => out.push(`${where}: ${problem}`);

  const component = (c: Json, where: string): void => {
    const children = (c.components ?? []) as Json[];
    switch (c.type) {
      case 1: // action row
        if (children.length < 1 || children.length > 5) fail(where, `${children.length} components in a row (1–5)`);
        if (children.length > 1 && children.some((b) => b.type !== 2)) fail(where, 'a select must be alone in its row');
        for (const [i, b] of children.entries()) component(b, `${where}.${i}`);
        return;
      case 2: // button
        check(where, () =>
          ComponentAssertions.validateRequiredButtonParameters(
            c.style as never,
            c.label as never,
            c.emoji as never,
            c.custom_id as never,
            c.sku_id as never,
            c.url as never,
          ),
        );
        check(`${where}.style`, () => ComponentAssertions.buttonStyleValidator.parse(c.style));
        if (c.label !== undefined)
          check(`${where}.label`, () => ComponentAssertions.buttonLabelValidator.parse(c.label));
        if (c.custom_id !== undefined)
          check(`${where}.custom_id`, () => ComponentAssertions.customIdValidator.parse(c.custom_id));
        if (c.url !== undefined) check(`${where}.url`, () => ComponentAssertions.urlValidator.parse(c.url));
        return;
      case 3: // string select
        check(where, () => SelectMenuAssertions.selectMenuStringPredicate.parse(c));
        return;
      case 9: // section
        if (children.length < 1 || children.length > 3) fail(where, `${children.length} texts in a section (1–3)`);
        for (const [i, t] of children.entries()) component(t, `${where}.${i}`);
        if (c.accessory) component(c.accessory as Json, `${where}.accessory`);
        return;
      case 10: // text display
        check(where, () => ComponentsV2Assertions.textDisplayContentPredicate.parse(c.content));
        return;
      case 14: // separator
        if (c.spacing !== undefined) check(where, () => ComponentsV2Assertions.spacingPredicate.parse(c.spacing));
        if (c.divider !== undefined) check(where, () => ComponentsV2Assertions.dividerPredicate.parse(c.divider));
        return;
      case 17: // container
        check(`${where}.accent_color`, () => ComponentsV2Assertions.containerColorPredicate.parse(c.accent_color));
        if (children.length < 1) fail(where, 'an empty container');
        for (const [i, x] of children.entries()) component(x, `${where}.${i}`);
        return;
      case 18: // label (modals)
        check(where, () => LabelAssertions.labelPredicate.parse(c));
        return;
      default:
        fail(where, `component type ${String(c.type)} is not one Versus is checked for`);
    }
  };

  const message = (m: Json, where: string): void => {
    const v2 = ((Number(m.flags) || 0) & (1 << 15)) !== 0;
    const embeds = (m.embeds ?? []) as Json[];
    if (typeof m.content === 'string' && m.content.length > 2000) fail(where, `content of ${m.content.length} (2000)`);
    if (embeds.length > 10) fail(where, `${embeds.length} embeds (10)`);
    let embedChars = 0;
    embeds.forEach((e, i) => {
      const at = `${where}.embeds.${i}`;
      const footer = e.footer as Json | undefined;
      const author = e.author as Json | undefined;
      check(`${at}.title`, () => EmbedAssertions.titlePredicate.parse(e.title ?? null));
      check(`${at}.description`, () => EmbedAssertions.descriptionPredicate.parse(e.description ?? null));
      check(`${at}.color`, () => EmbedAssertions.colorPredicate.parse(e.color ?? null));
      check(`${at}.fields`, () => EmbedAssertions.embedFieldsArrayPredicate.parse(e.fields ?? []));
      if (((e.fields as unknown[] | undefined)?.length ?? 0) > 25) fail(at, 'more than 25 fields');
      if (footer) check(`${at}.footer`, () => EmbedAssertions.footerTextPredicate.parse(footer.text));
      if (author) check(`${at}.author`, () => EmbedAssertions.authorNamePredicate.parse(author.name));
      embedChars += [e.title, e.description, footer?.text, author?.name]
        .concat(((e.fields ?? []) as Json[]).flatMap((f) => [f.name, f.value]))
        .reduce((n: number, s) => n + (typeof s === 'string' ? s.length : 0), 0);
    });
    if (embedChars > 6000) fail(where, `${embedChars} characters in embeds (6000)`);
    const top = (m.components ?? []) as Json[];
    if (!v2 && top.length > 5) fail(where, `${top.length} action rows (5)`);
    // Components V2's flag, its 40 components and 4,000 characters: the rule the fake Discord enforces.
    const v2Problem = messageProblem(m);
    if (v2Problem) fail(where, v2Problem);
    for (const [i, c] of top.entries()) component(c, `${where}.components.${i}`);
  };

  const modal = (d: Json, where: string): void => {
    check(`${where}.title`, () => ModalAssertions.titleValidator.parse(d.title));
    check(`${where}.custom_id`, () => ComponentAssertions.customIdValidator.parse(d.custom_id));
    const rows = (d.components ?? []) as Json[];
    if (rows.length < 1 || rows.length > 5) fail(where, `${rows.length} fields (1–5)`);
    for (const [i, c] of rows.entries()) component(c, `${where}.components.${i}`);
  };

  const autocomplete = (d: Json, where: string): void => {
    const choices = (d.choices ?? []) as Json[];
    if (choices.length > 25) fail(where, `${choices.length} choices (25)`);
    choices.forEach((c, i) => {
      if (typeof c.name !== 'string' || c.name.length < 1 || c.name.length > 100) fail(`${where}.${i}`, 'name 1–100');
      if (typeof c.value === 'string' && c.value.length > 100) fail(`${where}.${i}`, 'value over 100');
    });
  };

  // An interaction callback carries its payload in `data`; everything else is a message body.
  if (typeof body.type === 'number' && 'data' in body) {
    const data = (body.data ?? {}) as Json;
    if (body.type === 9) modal(data, 'modal');
    else if (body.type === 8) autocomplete(data, 'autocomplete');
    else message(data, 'callback');
  } else if (typeof body.type !== 'number') message(body, 'message');
  return out;
}
