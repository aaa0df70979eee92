import type { GomezCore } from '../../core.ts';
import type { ConversationLog } from '../../store/conversations.ts';
import type { QuestionLog } from '../../store/questions.ts';
import type { RateLimiter } from '../../store/rate-limit.ts';
import type { Store } from '../../store/store.ts';

/** What every Slack handler needs: the core to answer, the store to remember, the limiter to be fair. */
export interface SlackDeps {
  core: GomezCore;
  store: Store;
  conversations: ConversationLog;
  limiter: RateLimiter;
  /** Questions and how they went, for curator insights (optional in tests). */
  questions?: QuestionLog;
}

/** Quotes shown per answer and per "More quotes" click. */
export const QUOTES_PER_PAGE = 3;
