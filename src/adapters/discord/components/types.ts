import type { ButtonInteraction } from 'discord.js';
import type { DiscordContext } from '../context.ts';

/** Handles the buttons whose custom id is `gomez:<name>:<args…>`. */
export interface ButtonHandler {
  readonly name: string;
  /** Counts against the per-user question limit (anything that makes the core answer). */
  readonly rateLimited: boolean;
  execute(interaction: ButtonInteraction, args: string[], ctx: DiscordContext): Promise<void>;
}
