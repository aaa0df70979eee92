import type { GomezCore } from '../../core.ts';
import type { ConversationLog } from '../../store/conversations.ts';
import type { QuestionLog } from '../../store/questions.ts';
import type { RateLimiter } from '../../store/rate-limit.ts';
import type { Store } from '../../store/store.ts';

/** What every Discord command and button handler gets: the core, the state store and the limits. */
export interface DiscordContext {
  core: GomezCore;
  store: Store;
  /** Per-user question limit (RATE_LIMIT_PER_MINUTE). */
  limiter: RateLimiter;
  /** How long one core call may take before the user is told to try again. */
  answerTimeoutMs: number;
  /** Earlier questions per channel, so a short follow-up ("and why?") keeps its topic. */
  conversations: ConversationLog;
  /** Questions and how they went, for curator insights (optional in tests). */
  questions?: QuestionLog;
}
