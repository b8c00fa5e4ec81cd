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
} as const;

export type CommandName = keyof typeof Commands;

/** Every word the bot understands as a command, lower case. */
export const KNOWN_COMMANDS: readonly string[] = Object.values(Commands).flat();

/**
 * Which command a message means: the first word, case-insensitive, ignoring a leading slash
 * and an @mention Teams may leave in the text. Undefined for anything else.
 */
export function parseCommand(text: string | undefined): CommandName | undefined {
  const word = (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .trim()
    .split(/\s+/)[0]
    ?.replace(/^\//, '')
    .toLowerCase();
  if (!word) return undefined;
  const names = Object.keys(Commands) as CommandName[];
  return names.find((name) => (Commands[name] as readonly string[]).includes(word));
}
