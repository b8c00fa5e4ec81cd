/** A short message: a refusal, a kind answer, an error. Title and text come from the string table. */
import { adaptiveCard, heading, textBlock, type AdaptiveCard } from './adaptive-card';
import type { NoticeView } from './view-models';

export function noticeCard(view: NoticeView): AdaptiveCard {
  return adaptiveCard([heading(view.title), textBlock(view.text)]);
}
