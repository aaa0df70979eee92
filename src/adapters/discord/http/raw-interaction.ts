import { Events, type Client, type Interaction } from 'discord.js';

/** The part of discord.js's client that turns a raw INTERACTION_CREATE payload into an Interaction. */
interface InteractionCreateAction {
  handle(data: unknown): void;
}

function actionOf(client: Client): InteractionCreateAction {
  // Not in discord.js's typings: the gateway's INTERACTION_CREATE handler calls this very action, so an
  // interaction that arrives over HTTP becomes the same ChatInputCommandInteraction, ButtonInteraction…
  const action = (client as unknown as { actions?: { InteractionCreate?: InteractionCreateAction } }).actions?.InteractionCreate;
  if (!action) throw new Error('discord.js no longer exposes actions.InteractionCreate');
  return action;
}

/**
 * The discord.js Interaction for a verified raw payload, built exactly as the gateway builds it; undefined
 * for a kind discord.js does not model. The action emits synchronously, so the listener sees only this one.
 */
export function interactionFromPayload(client: Client, payload: unknown): Interaction | undefined {
  let created: Interaction | undefined;
  const capture = (interaction: Interaction) => {
    created = interaction;
  };
  client.on(Events.InteractionCreate, capture);
  try {
    actionOf(client).handle(payload);
  } finally {
    client.off(Events.InteractionCreate, capture);
  }
  return created;
}
