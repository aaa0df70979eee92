import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
} from 'discord.js';
import { InputError } from '../../errors.ts';
import { COMMAND_NAME, findSubcommand } from './commands/index.ts';
import { BUTTONS } from './components/index.ts';
import type { DiscordContext } from './context.ts';
import { claimInteraction } from './dedupe.ts';
import { parseCustomId } from './custom-ids.ts';
import { replyWithError } from './replies.ts';

/** Commands outside the bot's conversation (digest subscribe) count against the same per-user limit. */
function takeQuestionSlot(ctx: DiscordContext, userId: string): Promise<void> {
  return ctx.bot.admit({ surface: 'discord', userId });
}

async function runCommand(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  if (interaction.commandName !== COMMAND_NAME) return;
  const sub = findSubcommand(interaction.options.getSubcommandGroup(false), interaction.options.getSubcommand(true));
  if (!sub) throw new InputError(`I don't know that command (yet). Try \`/${COMMAND_NAME} ask\`.`);
  if (sub.rateLimited) await takeQuestionSlot(ctx, interaction.user.id);
  await sub.execute(interaction, ctx);
}

async function runAutocomplete(interaction: AutocompleteInteraction, ctx: DiscordContext): Promise<void> {
  if (interaction.commandName !== COMMAND_NAME) return;
  const sub = findSubcommand(interaction.options.getSubcommandGroup(false), interaction.options.getSubcommand(true));
  if (sub?.autocomplete) await sub.autocomplete(interaction, ctx);
  else await interaction.respond([]);
}

async function runButton(interaction: ButtonInteraction, ctx: DiscordContext): Promise<void> {
  const parsed = parseCustomId(interaction.customId);
  const handler = parsed && BUTTONS.get(parsed.handler);
  if (!parsed || !handler) throw new InputError("That button isn't mine to answer any more.");
  if (handler.rateLimited) await takeQuestionSlot(ctx, interaction.user.id);
  await handler.execute(interaction, parsed.args, ctx);
}

/**
 * Answers one interaction, however it arrived (gateway event or HTTP request). It runs on its own: a
 * failure is logged with the interaction id and answered with a short private message, never thrown.
 */
export async function handleInteraction(interaction: Interaction, ctx: DiscordContext): Promise<void> {
  try {
    if (interaction.isChatInputCommand()) await runCommand(interaction, ctx);
    else if (interaction.isAutocomplete()) await runAutocomplete(interaction, ctx);
    else if (interaction.isButton()) await runButton(interaction, ctx);
  } catch (error) {
    await replyWithError(interaction, error);
  }
}

/** The gateway listener for every interaction: each is answered once (a resumed session can replay one). */
export function createInteractionHandler(ctx: DiscordContext): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      if (!(await claimInteraction(ctx.store, interaction.id))) return;
    } catch (error) {
      await replyWithError(interaction, error);
      return;
    }
    await handleInteraction(interaction, ctx);
  };
}
