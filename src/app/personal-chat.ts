import type { ConversationAddress, DirectoryStore, Messenger } from '../ports';
import { MessengerError } from '../ports';

/**
 * Where to write to a member: their stored personal chat, or a new one (Teams refuses when the
 * app is not installed for them). A chat marked unreachable is not tried until they write again.
 */
export async function personalChatOf(directory: DirectoryStore, messenger: Messenger, memberId: string): Promise<ConversationAddress> {
  const known = await directory.getConversation(memberId);
  if (known?.inactiveSince) throw new MessengerError('conversation_inactive', false);
  if (known) return known;
  const opened = await messenger.openPersonalChat(memberId);
  await directory.saveConversation(opened);
  return opened;
}
