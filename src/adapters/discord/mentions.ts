import type { MessageMentionOptions } from 'discord.js';

/** Nobody is ever pinged: every message and edit carries this, whatever the text contains. */
export const NO_MENTIONS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false });
