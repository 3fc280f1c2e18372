type Json = Record<string, unknown>;

/**
 * Block Kit's documented limits for the blocks and elements Versus sends (the renderers' types come from
 * @slack/types via Bolt, so `tsc` already checks field names and shapes; these are the sizes and counts
 * that only Slack checks, at run time). `surface`: a message (50 blocks) or a modal / Home tab (100).
 * Returns "path: problem" lines, empty when Slack would accept the payload.
 */
export function blockKitProblems(blocks: unknown, surface: 'message' | 'view'): string[] {
  const out: string[] = [];
  const fail = (where: string, problem: string) => out.push(`${where}: ${problem}`);
  const text = (t: unknown, where: string, max: number, kinds = ['plain_text', 'mrkdwn']) => {
    const o = t as Json | undefined;
    if (!o || !kinds.includes(String(o.type))) {
      fail(where, `a text object of type ${kinds.join(' or ')}`);
      return;
    }
    const s = o.text;
    if (typeof s !== 'string' || s.length < 1) {
      fail(where, 'empty text');
      return;
    }
    if (s.length > max) fail(where, `${s.length} characters (${max})`);
  };
  const max = (v: unknown, limit: number, where: string) => {
    if (typeof v === 'string' && v.length > limit) fail(where, `${v.length} characters (${limit})`);
  };
  const options = (list: unknown, limit: number, where: string) => {
    const a = (list ?? []) as Json[];
    if (a.length < 1 || a.length > limit) fail(where, `${a.length} options (1–${limit})`);
    a.forEach((o, i) => {
      text(o.text, `${where}.${i}.text`, 75);
      max(o.value, 150, `${where}.${i}.value`);
    });
  };
  const element = (e: Json, where: string) => {
    max(e.action_id, 255, `${where}.action_id`);
    switch (e.type) {
      case 'button':
        text(e.text, `${where}.text`, 75, ['plain_text']);
        max(e.value, 2000, `${where}.value`);
        max(e.url, 3000, `${where}.url`);
        if (e.style !== undefined && !['primary', 'danger'].includes(String(e.style))) fail(where, 'style');
        return;
      case 'plain_text_input':
        if (e.placeholder) text(e.placeholder, `${where}.placeholder`, 150, ['plain_text']);
        for (const k of ['min_length', 'max_length'] as const)
          if (e[k] !== undefined && (Number(e[k]) < 0 || Number(e[k]) > 3000)) fail(`${where}.${k}`, '0–3000');
        max(e.initial_value, 3000, `${where}.initial_value`);
        return;
      case 'static_select':
        if (e.placeholder) text(e.placeholder, `${where}.placeholder`, 150, ['plain_text']);
        options(e.options, 100, `${where}.options`);
        return;
      case 'checkboxes':
      case 'radio_buttons':
        options(e.options, 10, `${where}.options`);
        return;
      case 'conversations_select':
      case 'channels_select':
      case 'users_select':
        if (e.placeholder) text(e.placeholder, `${where}.placeholder`, 150, ['plain_text']);
        return;
      default:
        fail(where, `element type ${String(e.type)} is not one Versus is checked for`);
    }
  };

  const list = (blocks ?? []) as Json[];
  const limit = surface === 'message' ? 50 : 100;
  if (list.length > limit) fail('blocks', `${list.length} blocks (${limit})`);
  const blockIds = new Set<string>();
  let markdown = 0;
  const block = (b: Json, at: string): void => {
    if (b.block_id !== undefined) {
      max(b.block_id, 255, `${at}.block_id`);
      if (blockIds.has(String(b.block_id))) fail(at, `block_id ${String(b.block_id)} repeated`);
      blockIds.add(String(b.block_id));
    }
    const elements = (b.elements ?? []) as Json[];
    switch (b.type) {
      case 'section': {
        const fields = (b.fields ?? []) as unknown[];
        if (!b.text && fields.length === 0) fail(at, 'neither text nor fields');
        if (b.text) text(b.text, `${at}.text`, 3000);
        if (fields.length > 10) fail(at, `${fields.length} fields (10)`);
        for (const [j, f] of fields.entries()) text(f, `${at}.fields.${j}`, 2000);
        if (b.accessory) element(b.accessory as Json, `${at}.accessory`);
        return;
      }
      case 'header':
        text(b.text, `${at}.text`, 150, ['plain_text']);
        return;
      case 'context':
        if (elements.length < 1 || elements.length > 10) fail(at, `${elements.length} elements (1–10)`);
        for (const [j, e] of elements.entries()) text(e, `${at}.elements.${j}`, 3000);
        return;
      case 'actions': {
        if (elements.length < 1 || elements.length > 25) fail(at, `${elements.length} elements (1–25)`);
        const ids = elements.map((e) => e.action_id).filter((id) => id !== undefined);
        if (new Set(ids).size !== ids.length) fail(at, 'an action_id repeated in the block');
        for (const [j, e] of elements.entries()) element(e, `${at}.elements.${j}`);
        return;
      }
      case 'divider':
        return;
      case 'markdown':
        markdown += String(b.text ?? '').length;
        return;
      case 'input':
        text(b.label, `${at}.label`, 2000, ['plain_text']);
        if (b.hint) text(b.hint, `${at}.hint`, 2000, ['plain_text']);
        if (!b.element) {
          fail(at, 'no element');
          return;
        }
        element(b.element as Json, `${at}.element`);
        return;
      default:
        fail(at, `block type ${String(b.type)} is not one Versus is checked for`);
    }
  };
  for (const [i, b] of list.entries()) block(b, `blocks.${i}(${String(b.type)})`);
  if (markdown > 12_000) fail('blocks', `${markdown} characters in markdown blocks (12000)`);
  return out;
}

/** A modal or Home tab view: its blocks, and the view's own fields. */
export function viewProblems(view: Json): string[] {
  const out = blockKitProblems(view.blocks, 'view');
  const t = (k: string) => {
    const o = view[k] as Json | undefined;
    if (o && (o.type !== 'plain_text' || String(o.text).length < 1 || String(o.text).length > 24))
      out.push(`view.${k}: plain_text of 1–24 characters`);
  };
  if (!['modal', 'home'].includes(String(view.type))) out.push(`view.type ${String(view.type)}`);
  if (view.type === 'modal' && !view.title) out.push('view.title: a modal needs a title');
  for (const k of ['title', 'submit', 'close']) t(k);
  if (String(view.private_metadata ?? '').length > 3000) out.push('view.private_metadata: over 3000 characters');
  if (String(view.callback_id ?? '').length > 255) out.push('view.callback_id: over 255 characters');
  return out;
}
