/** Discord's hard message and embed limits (characters); a payload over any of them is rejected. */
export const DISCORD_LIMITS = {
  content: 2_000,
  embedTitle: 256,
  embedDescription: 4_096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
  author: 256,
  /** Sum of every embed's title, description, field names and values, footer and author in one message. */
  messageEmbedsTotal: 6_000,
  autocompleteChoices: 25,
  choiceText: 100,
} as const;

/** How many quotes one answer (or one "More quotes" page) shows. */
export const QUOTES_PER_PAGE = 3;
