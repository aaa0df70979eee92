import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  SlashCommandSubcommandGroupBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { ask } from './ask.ts';
import { digest } from './digest.ts';
import { quotes } from './quotes.ts';
import { recap } from './recap.ts';
import { help } from './help.ts';
import { summary } from './summary.ts';
import type { Subcommand, SubcommandGroup } from './types.ts';

/** The one slash command; everything the bot does is a subcommand of it. */
export const COMMAND_NAME = 'gomez';

/** `/gomez <name>` subcommands. A new one is a new file in this folder plus one entry here. */
export const SUBCOMMANDS: ReadonlyMap<string, Subcommand> = new Map(
  [ask, quotes, summary, recap, help].map((c): [string, Subcommand] => [c.data.name, c]),
);

/** `/gomez <group> <name>` families, e.g. a `digest` group in its own folder, listed here. */
export const SUBCOMMAND_GROUPS: ReadonlyMap<string, SubcommandGroup> = new Map(
  [digest].map((g): [string, SubcommandGroup] => [g.name, g]),
);

/** The handler for `/gomez [group] <name>`, if this bot has one. */
export function findSubcommand(group: string | null, name: string): Subcommand | undefined {
  if (group === null) return SUBCOMMANDS.get(name);
  return SUBCOMMAND_GROUPS.get(group)?.subcommands.find((s) => s.data.name === name);
}

/**
 * The `/gomez` definition to publish. Global commands declare where they work (server channels and DMs
 * with the bot); guild commands only exist in their guild, so Discord takes no contexts for them.
 */
export function gomezCommandJSON(scope: 'global' | 'guild'): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const builder = new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription('Ask what was said in the interviews; answers quote the transcripts verbatim');
  if (scope === 'global') {
    builder
      .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
      .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);
  }
  for (const sub of SUBCOMMANDS.values()) builder.addSubcommand(sub.data);
  for (const group of SUBCOMMAND_GROUPS.values()) {
    const groupBuilder = new SlashCommandSubcommandGroupBuilder().setName(group.name).setDescription(group.description);
    for (const sub of group.subcommands) groupBuilder.addSubcommand(sub.data);
    builder.addSubcommandGroup(groupBuilder);
  }
  return builder.toJSON();
}
