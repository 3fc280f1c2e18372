/** A command, option or choice's words in one language; a missing name keeps the default name. */
export interface CommandText {
  name?: string | undefined;
  description?: string | undefined;
}

/**
 * One language's command words, keyed by path: `versus` (the command), `versus ask` (a subcommand),
 * `versus ask question` (an option), `versus sources action=list` (a choice, by its value).
 */
export type CommandTranslations = Readonly<Record<string, CommandText>>;

/** The parts of Discord's command JSON this reads and extends (a command, an option, a choice). */
interface Node {
  name: string;
  description?: string | undefined;
  value?: unknown;
  options?: readonly Node[] | undefined;
  choices?: readonly Node[] | undefined;
  name_localizations?: Partial<Record<string, string | null>> | null | undefined;
  description_localizations?: Partial<Record<string, string | null>> | null | undefined;
}

/**
 * Adds `name_localizations` and `description_localizations` to built command JSON (commands.ts stays as it
 * is), from one translation table per Discord locale code (`de`, `es-ES`, …). Discord shows users the
 * words of their client's language and still sends the default names in interactions, so nothing that
 * parses a command changes. Paths a table does not name are left as they are.
 */
export function localizeCommands<T extends Node>(
  json: readonly T[],
  catalogues: Readonly<Record<string, CommandTranslations>>,
): T[] {
  const visit = <N extends Node>(node: N, path: string): N => {
    const words = Object.entries(catalogues).flatMap(([locale, table]) => {
      const w = table[path];
      return w ? [[locale, w] as const] : [];
    });
    const pick = (key: keyof CommandText) => {
      const found = words.flatMap(([locale, w]) => (w[key] ? [[locale, w[key]] as const] : []));
      return found.length ? Object.fromEntries(found) : undefined;
    };
    const names = pick('name');
    const descriptions = node.description === undefined ? undefined : pick('description');
    return {
      ...node,
      ...(names ? { name_localizations: { ...node.name_localizations, ...names } } : {}),
      ...(descriptions ? { description_localizations: { ...node.description_localizations, ...descriptions } } : {}),
      ...(node.options ? { options: node.options.map((o) => visit(o, `${path} ${o.name}`)) } : {}),
      ...(node.choices ? { choices: node.choices.map((c) => visit(c, `${path}=${String(c.value)}`)) } : {}),
    };
  };
  return json.map((command) => visit(command, command.name));
}

/** Every path of built command JSON, in the form localizeCommands reads (for completeness checks). */
export function commandPaths(json: readonly Node[]): string[] {
  const walk = (node: Node, path: string): string[] => [
    path,
    ...(node.options ?? []).flatMap((o) => walk(o, `${path} ${o.name}`)),
    ...(node.choices ?? []).flatMap((c) => walk(c, `${path}=${String(c.value)}`)),
  ];
  return json.flatMap((c) => walk(c, c.name));
}
