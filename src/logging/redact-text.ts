/**
 * Secrets that can hide inside ordinary strings (a URL with `user:key@`, `?token=…`, a Slack or OpenAI
 * token pasted into an error message, a Discord interaction webhook path). Every logged string passes
 * through here, so a credential is never printed whatever field or message it travels in.
 */

/** Query parameters whose value is a credential (matched case-insensitively, `_`/`-` ignored). */
const SECRET_PARAMS = new Set([
  'token', 'accesstoken', 'apikey', 'key', 'secret', 'clientsecret', 'password', 'pass', 'auth', 'authorization',
  'signature', 'sig', 'code', 'sessionid', 'session', 'credential', 'credentials', 'privatekey', 'refreshtoken', 'idtoken',
]);

const REDACTED = '[redacted]';

/** URLs anywhere in a string (scheme://…), up to whitespace or a closing quote or bracket. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()[\]{}]+/gi;

/** Bare tokens: Slack (xoxb-, xoxp-, xapp-…), OpenAI-style sk-…, and `Bearer …` / `Bot …` header values. */
const BARE_TOKENS: RegExp[] = [
  /\bxox[abposre]-[A-Za-z0-9-]+/g,
  /\bxapp-[A-Za-z0-9-]+/g,
  /\bsk-[A-Za-z0-9_-]{8,}/g,
  /\b(Bearer|Bot|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g,
];

/** Discord interaction and webhook URLs carry their token as a path segment. */
const WEBHOOK_PATH = /(\/webhooks\/\d+\/)[^/?#\s]+/g;

function isSecretParam(name: string): boolean {
  return SECRET_PARAMS.has(name.toLowerCase().replace(/[-_]/g, ''));
}

/** One URL with its userinfo and credential-like query parameters replaced; unparsable input is returned as is. */
export function redactUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  let changed = false;
  if (url.username || url.password) {
    // Keep that there was a user (it helps tell endpoints apart), never what it was.
    url.username = url.username ? REDACTED : '';
    url.password = url.password ? REDACTED : '';
    changed = true;
  }
  for (const name of [...url.searchParams.keys()]) {
    if (isSecretParam(name)) {
      url.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  if (!changed) return raw;
  // URL encodes the brackets of the marker; decode them back so logs stay readable.
  return url.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED);
}

/** A string with every URL credential and bare token in it redacted. */
export function redactText(text: string): string {
  if (text.length === 0) return text;
  let out = text.replace(URL_IN_TEXT, (url) => redactUrl(url)).replace(WEBHOOK_PATH, `$1${REDACTED}`);
  for (const pattern of BARE_TOKENS) {
    out = out.replace(pattern, (match, scheme?: string) => (typeof scheme === 'string' && /^(Bearer|Bot|Basic)$/.test(scheme) ? `${scheme} ${REDACTED}` : REDACTED));
  }
  return out;
}
