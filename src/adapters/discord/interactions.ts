import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  Interaction,
} from 'discord.js';
import { DeliveryLease } from '../../bot/lease.ts';
import { HeldWrites } from '../../bot/held-writes.ts';
import { InputError } from '../../errors.ts';
import { log } from '../../log.ts';
import { recordDedupeHit } from '../../web/metrics.ts';
import { COMMAND_NAME, findSubcommand } from './commands/index.ts';
import { BUTTONS } from './components/index.ts';
import type { DiscordContext } from './context.ts';
import type { AnswerRequest } from './deferred-answer.ts';
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

/** What a taking-over replica needs to finish an answering command (ask, quotes); null for anything else. */
function answerRequest(interaction: Interaction): AnswerRequest | null {
  if (!interaction.isChatInputCommand() || interaction.commandName !== COMMAND_NAME) return null;
  if (interaction.options.getSubcommandGroup(false)) return null;
  const command = interaction.options.getSubcommand(false);
  const text = command === 'ask' ? interaction.options.getString('question') : command === 'quotes' ? interaction.options.getString('topic') : null;
  if ((command !== 'ask' && command !== 'quotes') || !text) return null;
  return { command, text, userId: interaction.user.id, channelId: interaction.channelId, interactionId: interaction.id };
}

/**
 * Claims an interaction as a leased delivery: the first replica (or the first of a replayed gateway event
 * or HTTP request) gets the lease; a replay gets nothing. Gateway and HTTP modes claim here alone.
 */
export async function claimInteraction(interaction: Interaction, ctx: DiscordContext): Promise<DeliveryLease | undefined> {
  const lease = await DeliveryLease.claim(ctx.state, { key: interactionKey(interaction.id), platform: 'discord', payload: answerRequest(interaction), leaseMs: ctx.leaseMs });
  if (!lease) {
    recordDedupeHit('discord');
    log.debug('duplicate discord interaction ignored', { interactionId: interaction.id });
  }
  return lease;
}

/**
 * Answers one claimed interaction, however it arrived (gateway event or HTTP request), holding the
 * answer's writes until the reply is out and recording them with the delivery's completion. A failure is
 * logged with the interaction id and answered with a short private message, never thrown.
 */
export async function handleInteraction(interaction: Interaction, ctx: DiscordContext, lease: DeliveryLease): Promise<void> {
  const held = new HeldWrites(ctx.state);
  try {
    const scoped: DiscordContext = { ...ctx, bot: ctx.bot.withState(held), lease };
    await lease.whileHeld(async () => {
      if (interaction.isChatInputCommand()) await runCommand(interaction, scoped);
      else if (interaction.isAutocomplete()) await runAutocomplete(interaction, scoped);
      else if (interaction.isButton()) await runButton(interaction, scoped);
    });
  } catch (error) {
    await replyWithError(interaction, error);
  }
  await lease.complete(held.writes()).catch((error: unknown) => log.warn('discord: could not mark an interaction done', { interactionId: interaction.id, error }));
}

/** The gateway listener for every interaction: each is claimed, then answered once. */
export function createInteractionHandler(ctx: DiscordContext): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    let lease: DeliveryLease | undefined;
    try {
      lease = await claimInteraction(interaction, ctx);
    } catch (error) {
      await replyWithError(interaction, error);
      return;
    }
    if (lease) await handleInteraction(interaction, ctx, lease);
  };
}

/** One delivery per interaction. */
export function interactionKey(id: string): string {
  return `discord:interaction:${id}`;
}
