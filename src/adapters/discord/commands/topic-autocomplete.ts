import type { AutocompleteInteraction } from 'discord.js';
import type { DiscordContext } from '../context.ts';
import { DISCORD_LIMITS } from '../limits.ts';

/** Suggests the topics the corpus covers that match what the user has typed so far (prefix matches first). */
export async function suggestTopics(interaction: AutocompleteInteraction, ctx: DiscordContext): Promise<void> {
  const typed = interaction.options.getFocused().trim().toLowerCase();
  const topics = ctx.core.topics().filter((t) => t.length <= DISCORD_LIMITS.choiceText);
  const starts = topics.filter((t) => t.toLowerCase().startsWith(typed));
  const contains = topics.filter((t) => !t.toLowerCase().startsWith(typed) && t.toLowerCase().includes(typed));
  const choices = [...starts, ...contains].slice(0, DISCORD_LIMITS.autocompleteChoices);
  await interaction.respond(choices.map((topic) => ({ name: topic, value: topic })));
}
