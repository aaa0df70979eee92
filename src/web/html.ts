/**
 * The few HTML helpers the server-rendered pages share. Every string from the corpus, the store or a
 * request goes through `escapeHtml` (text and attributes alike), so no corpus text can become markup.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** An href for a URL from the corpus: only http(s) links survive (never javascript: or data:). */
export function safeHref(url: string | undefined): string | null {
  if (!url || !URL.canParse(url)) return null;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? escapeHtml(parsed.toString()) : null;
}

export interface PageParts {
  title: string;
  /** Path from the page to the server root ("../" under /transcripts/), so PUBLIC_URL may have a prefix. */
  root: string;
  header: string;
  main: string;
  footer?: string;
}

/**
 * A whole page: landmarks (banner, main, contentinfo), a skip link, one same-origin stylesheet and no
 * scripts. `header`, `main` and `footer` are already-escaped HTML.
 */
export function page(parts: PageParts): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(parts.title)}</title>
<link rel="stylesheet" href="${parts.root}web/viewer.css">
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="banner">
${parts.header}
</header>
<main id="main" tabindex="-1">
${parts.main}
</main>
<footer class="site-footer">
${parts.footer ?? ''}
</footer>
</body>
</html>
`;
}
