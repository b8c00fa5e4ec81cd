/**
 * The words a user can type in their chat with the bot. The manifest's command lists (nl and
 * en) offer a subset of these; test/cards/manifest.test.ts keeps the two in step.
 */
export const Commands = {
  /** A Veilig Thuis worker starts a new signal. */
  signal: ['signaal', 'signal'],
  /** A Veilig Thuis worker's signals of the last days. */
  status: ['status'],
  help: ['help', 'hulp'],
  /** An admin's look at a signal's audit trail: `audit HWC-7F3K`. */
  audit: ['audit'],
  /** A manager's or coordinator's weekly digest: `overzicht` for last week, `overzicht 2026-W47` for another. */
  digest: ['overzicht', 'digest'],
} as const;

export type CommandName = keyof typeof Commands;

/** Every word the bot understands as a command, lower case. */
export const KNOWN_COMMANDS: readonly string[] = Object.values(Commands).flat();

/**
 * Which command a message means: the first word, case-insensitive, ignoring a leading slash
 * and an @mention Teams may leave in the text. Undefined for anything else.
 */
export function parseCommand(text: string | undefined): CommandName | undefined {
  const word = wordsOf(text)[0]?.replace(/^\//, '').toLowerCase();
  if (!word) return undefined;
  const names = Object.keys(Commands) as CommandName[];
  return names.find((name) => (Commands[name] as readonly string[]).includes(word));
}

/** What follows the command word, e.g. the reference in `audit HWC-7F3K`; undefined when nothing does. */
export function commandArgument(text: string | undefined): string | undefined {
  const rest = wordsOf(text).slice(1).join(' ');
  return rest === '' ? undefined : rest;
}

/** The words of a message, without an @mention Teams may leave in the text. */
function wordsOf(text: string | undefined): string[] {
  return (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
}
