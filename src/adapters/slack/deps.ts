import type { GomezCore } from '../../core.ts';
import type { ConversationLog } from '../../store/conversations.ts';
import type { RateLimiter } from '../../store/rate-limit.ts';
import type { Store } from '../../store/store.ts';

/** What every Slack handler needs: the core to answer, the store to remember, the limiter to be fair. */
export interface SlackDeps {
  core: GomezCore;
  store: Store;
  conversations: ConversationLog;
  limiter: RateLimiter;
}

/** Quotes shown per answer and per "More quotes" click. */
export const QUOTES_PER_PAGE = 3;
