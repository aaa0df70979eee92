import type { ConversationTurn } from '../core.ts';
import type { ChannelQuestion } from './channel-questions.ts';
import type { QuestionLimiter } from './question-limits.ts';
import type { Dialect } from './sql/driver.ts';
import type { DigestPlatform, NewSubscription, Subscription } from './subscriptions.ts';

export type Platform = 'discord' | 'slack' | 'cli';
export type Vote = 1 | -1;

/** What the bot remembers about an answer it posted, so buttons under it keep working after a restart. */
export interface AnswerRecord {
  id: string;
  platform: Platform;
  /** 'ask' or 'quotes': which core call produced it. */
  kind: 'ask' | 'quotes';
  question: string;
  answer: string;
  /** How many quotes have been shown so far ("More quotes" continues from here). */
  shown: number;
}

export interface FeedbackTally {
  up: number;
  down: number;
}

/**
 * The bot's shared state, one async interface with two engines behind it: a SQLite file (the default,
 * one process) and PostgreSQL (DATABASE_URL, any number of replicas). Rows are parsed at this boundary;
 * no database handle leaks out. Every `now` is injectable so tests move time by hand.
 */
export interface StateStore {
  readonly dialect: Dialect;
  readonly answers: AnswerStore;
  readonly feedback: FeedbackStore;
  readonly conversations: ConversationStore;
  readonly deliveries: DeliveryStore;
  readonly digests: DigestStore;
  readonly installations: InstallationStore;
  /** Slack OAuth installs (one per workspace or enterprise-wide org), stored sealed. */
  readonly slackInstallations: SlackInstallationStore;
  /** Questions asked and how they went (curator insights), and the secret that hashes user ids. */
  readonly questions: QuestionStore;
  /** Questions per person per minute: shared through the database in PostgreSQL mode, in memory in SQLite mode. */
  questionLimiter(perMinute: number): QuestionLimiter;
  /** Throws when the database does not answer (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface AnswerStore {
  save(record: AnswerRecord, now?: Date): Promise<void>;
  get(id: string): Promise<AnswerRecord | undefined>;
  updateShown(id: string, shown: number): Promise<void>;
}

export interface FeedbackInput {
  answerId: string;
  userId: string;
  platform: Platform;
  vote: Vote;
  question: string;
  answer: string;
}

export interface FeedbackStore {
  /** One vote per user per answer: voting again replaces the earlier vote. */
  record(input: FeedbackInput, now?: Date): Promise<void>;
  tally(answerId: string): Promise<FeedbackTally>;
  /** Votes per answer, the questions behind 👎 and the refused questions, newest first, `limit` of each. */
  report(limit: number): Promise<FeedbackReportRows>;
}

/** Votes on one answer, with what was asked. */
export interface VoteSummary {
  answerId: string;
  platform: Platform;
  question: string;
  answer: string;
  up: number;
  down: number;
  /** ISO time of the latest vote. */
  lastVoteAt: string;
}

/** A question voted 👎 (at: the latest such vote) or refused (at: when it was asked). */
export interface FlaggedQuestion {
  answerId: string;
  platform: Platform;
  question: string;
  at: string;
}

export interface FeedbackReportRows {
  answers: VoteSummary[];
  disliked: FlaggedQuestion[];
  refused: FlaggedQuestion[];
}

export type QuestionOutcome = 'answered' | 'refused' | 'failed';

/** One question as logged for insights: the asker only as a per-deployment hash. */
export interface QuestionRecord {
  surface: string;
  userHash?: string | undefined;
  question: string;
  outcome: QuestionOutcome;
  topic?: string | undefined;
  answerId?: string | undefined;
}

/** A half-open period [since, until). */
export interface TimeRange {
  since: Date;
  until: Date;
}

export interface AskedRow {
  question: string;
  surface: string;
  userHash: string | null;
  at: string;
}

/** A 👎 vote as stored: the voter's platform id, hashed by the reader before anyone sees it. */
export interface DownVoteRow {
  question: string;
  answer: string;
  platform: string;
  userId: string;
  at: string;
}

export interface QuestionStore {
  add(entry: QuestionRecord, now?: Date): Promise<void>;
  /** Refused questions in the period, newest first. */
  refused(period: TimeRange, limit?: number): Promise<AskedRow[]>;
  /** Topics of answered questions, most asked first. */
  topTopics(period: TimeRange, limit?: number): Promise<Array<{ topic: string; asked: number }>>;
  outcomes(period: TimeRange): Promise<Record<QuestionOutcome, number>>;
  /** 👎 votes in the period, newest first. */
  downVotes(period: TimeRange, limit?: number): Promise<DownVoteRow[]>;
  /** The deployment's secret for hashing user ids: made once, the same for every replica afterwards. */
  deploymentSecret(): Promise<Buffer>;
}

/** One answered exchange of a conversation; `answerId` links it to the stored answer. */
export interface TurnInput extends ConversationTurn {
  answerId?: string;
}

export interface ConversationStore {
  add(conversation: string, turn: TurnInput, now?: Date): Promise<void>;
  /** True once the bot has answered in this conversation (later messages there are follow-ups). */
  has(conversation: string): Promise<boolean>;
  /** The last `limit` turns, oldest first; with `since`, only turns from then on. */
  history(conversation: string, limit?: number, since?: Date): Promise<ConversationTurn[]>;
  /** The turns before the one that produced `answerId` (its context when paging quotes). */
  historyBefore(answerId: string, limit?: number): Promise<ConversationTurn[]>;
  /**
   * Every turn of `conversation` and of the conversations nested under it (`<key>:<thread>`) in
   * [since, until), oldest first: a channel's questions for its recap.
   */
  under(conversation: string, since: Date, until: Date): Promise<ChannelQuestion[]>;
}

export type DeliveryState = 'processing' | 'done' | 'failed';

/**
 * The record of one platform event (Slack event_id or channel:ts, Discord interaction id) being
 * answered. Whoever holds the lease answers it; a lease that runs out is taken over by another replica,
 * which finishes through the placeholder already posted.
 */
export interface Delivery {
  key: string;
  platform: Platform;
  state: DeliveryState;
  /** The replica holding the lease. */
  owner: string;
  leaseUntil: string;
  /** How many replicas have held it (1 = the first). */
  attempts: number;
  /** What the adapter needs to answer it again (question, channel, thread…), as the adapter wrote it. */
  payload: unknown;
  /** Where the answer goes: Slack placeholder ts, Discord interaction token… (null before posting). */
  placeholder: unknown;
  answerId: string | null;
  createdAt: string;
}

export interface ClaimDelivery {
  key: string;
  platform: Platform;
  owner: string;
  leaseMs: number;
  payload: unknown;
}

/** What finishing an answer records, in the same transaction as marking the delivery done. */
export interface DeliveryOutcome {
  answer?: AnswerRecord;
  turn?: { conversation: string } & TurnInput;
  /** Further turns, written in order after `turn` (the bot writes one per conversation and per asker). */
  turns?: Array<{ conversation: string } & TurnInput>;
}

export interface DeliveryStore {
  /** The first claim of a key wins and gets the lease; every retry or re-delivery gets undefined. */
  claim(input: ClaimDelivery, now?: Date): Promise<Delivery | undefined>;
  /** Remembers the placeholder posted for it; false when `owner` no longer holds the lease. */
  setPlaceholder(key: string, owner: string, placeholder: unknown, now?: Date): Promise<boolean>;
  /** Pushes the lease on while answering; false when `owner` lost it. */
  extendLease(key: string, owner: string, leaseMs: number, now?: Date): Promise<boolean>;
  /** Marks it done and records the answer and turn, atomically; false (nothing written) when `owner` lost it. */
  complete(key: string, owner: string, outcome: DeliveryOutcome, now?: Date): Promise<boolean>;
  /** Gives up on it for good (after too many attempts): nobody answers it again. */
  fail(key: string, owner: string, now?: Date): Promise<boolean>;
  /**
   * Takes over up to `limit` deliveries whose lease ran out (a replica died mid-answer): each is
   * leased to `owner`, and concurrent sweepers never take the same one. With `platform`, only that
   * platform's (a replica sweeps only what its adapters can finish).
   */
  takeExpired(owner: string, leaseMs: number, limit: number, now?: Date, platform?: Platform): Promise<Delivery[]>;
  get(key: string): Promise<Delivery | undefined>;
  /** Drops finished records older than `maxAgeMs` (platform retries stop long before a day). */
  prune(maxAgeMs: number, now?: Date): Promise<number>;
}

/** One (subscription, scheduled time) being posted: written before posting, leased for crash recovery. */
export interface DigestSlot {
  subscriptionId: string;
  /** The scheduled time (ISO) this digest is for. */
  slot: string;
  platform: DigestPlatform;
  state: DeliveryState;
  owner: string;
  leaseUntil: string;
  attempts: number;
  /** Same for every attempt at this slot: Discord's enforce_nonce drops a second post of it. */
  nonce: string;
}

export interface ClaimDigestSlot {
  subscription: Subscription;
  /** Where the schedule moves on to (computed from the schedule by the caller). */
  nextDueAt: string;
  owner: string;
  leaseMs: number;
}

export interface DigestSent {
  at: Date;
  themes: string[];
  quotes: string[];
  sources: string[];
}

export interface DigestStore {
  upsert(input: NewSubscription, now?: Date): Promise<Subscription>;
  forChannel(platform: DigestPlatform, channelId: string): Promise<Subscription | undefined>;
  get(id: string): Promise<Subscription | undefined>;
  /** Subscriptions of one workspace (guild/team), or of the platform when no workspace is given. */
  list(platform: DigestPlatform, workspaceId?: string | null): Promise<Subscription[]>;
  remove(platform: DigestPlatform, channelId: string): Promise<boolean>;
  /** Active subscriptions of a platform whose digest is due at `now`, earliest first. */
  due(platform: DigestPlatform, now: Date): Promise<Subscription[]>;
  /**
   * Takes the slot the subscription is due for: moves its schedule on (compare-and-set) and writes the
   * slot's delivery row, in one transaction. Exactly one caller wins a slot, across replicas.
   */
  claimSlot(input: ClaimDigestSlot, now?: Date): Promise<DigestSlot | undefined>;
  /** The slot was posted: marks it done and records what was shown (rotation), atomically. */
  completeSlot(slot: DigestSlot, sent: DigestSent, now?: Date): Promise<boolean>;
  /** A passing failure: gives the slot back (the schedule returns to it) so the next tick retries. */
  releaseSlot(slot: DigestSlot, failures: number): Promise<void>;
  /** Too many failures: the slot is skipped, the schedule stays on the next one. */
  skipSlot(slot: DigestSlot, now?: Date): Promise<void>;
  /** The channel is gone: the slot fails and the subscription stops until subscribed again. */
  disable(slot: DigestSlot, reason: string, now?: Date): Promise<void>;
  /**
   * The app left a workspace (uninstalled, token revoked): every subscription of it stops, with `reason`,
   * until someone subscribes again. Returns how many were active.
   */
  disableWorkspace(platform: DigestPlatform, workspaceId: string, reason: string): Promise<number>;
  /** Takes over slots whose lease ran out (a replica died between claim and post). */
  takeExpiredSlots(platform: DigestPlatform, owner: string, leaseMs: number, limit: number, now?: Date): Promise<DigestSlot[]>;
}

/** A platform installation (Slack OAuth: one per workspace); `data` is what the installer stores. */
export interface Installation {
  platform: Platform;
  teamId: string;
  data: unknown;
  installedAt: string;
  updatedAt: string;
}

export interface InstallationStore {
  save(platform: Platform, teamId: string, data: unknown, now?: Date): Promise<void>;
  get(platform: Platform, teamId: string): Promise<Installation | undefined>;
  remove(platform: Platform, teamId: string): Promise<boolean>;
}

/**
 * One Slack installation as stored: the ids plain (lookups, uninstall), the installation itself (with
 * its tokens) only as `sealed` text that the adapter sealed with SLACK_TOKEN_ENCRYPTION_KEY.
 */
export interface SealedSlackInstallation {
  /** `T:<team>` for a workspace install, `E:<enterprise>` for an org-wide one. */
  key: string;
  teamId: string | null;
  enterpriseId: string | null;
  enterpriseInstall: boolean;
  sealed: string;
  installedAt: string;
}

export interface SlackInstallationStore {
  /** Adds or replaces (a reinstall) the installation under its key. */
  save(installation: Omit<SealedSlackInstallation, 'installedAt'>, now?: Date): Promise<void>;
  get(key: string): Promise<SealedSlackInstallation | undefined>;
  /** Forgets it and its tokens; false when there was none. */
  remove(key: string): Promise<boolean>;
  /** Every installed key, sorted. */
  keys(): Promise<string[]>;
}
