import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { DiscordContext } from '../context.ts';

/** One `/gomez <name>` subcommand (or `/gomez <group> <name>`): its definition and its handlers. */
export interface Subcommand {
  readonly data: SlashCommandSubcommandBuilder;
  /** Counts against the per-user question limit (anything that makes the core answer). */
  readonly rateLimited: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: DiscordContext): Promise<void>;
}

/** A family of subcommands under one name, e.g. `/gomez digest subscribe|list|unsubscribe`. */
export interface SubcommandGroup {
  readonly name: string;
  readonly description: string;
  readonly subcommands: readonly Subcommand[];
}
