/**
 * The pages' one stylesheet, served at /web/viewer.css from the same server (the pages load nothing
 * from elsewhere). Kept as a string so running from source or from a build needs no asset copying.
 * Colours meet WCAG AA contrast on their backgrounds; focus is always visible; one column on phones.
 */
export const VIEWER_CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #4a4a4a; --line: #d0d0d0; --paper: #ffffff;
  --soft: #f3f4f6; --accent: #0b5394; --mark: #ffe27a; --asked: #e6f0fb; }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", sans-serif;
  color: var(--ink); background: var(--paper); }
a { color: var(--accent); }
a:focus-visible, main:focus-visible, mark:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem 1rem; z-index: 2; }
.skip:focus { left: .5rem; }
.banner, main, .site-footer { max-width: 72rem; margin: 0 auto; padding: 1rem; }
.banner { border-bottom: 1px solid var(--line); }
.site { margin: 0; color: var(--muted); font-size: .9rem; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: .25rem 0 .5rem; }
.framing { background: var(--soft); border-left: 4px solid var(--accent); padding: .6rem .9rem; margin: .5rem 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0 0; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: .25rem 1.5rem; color: var(--muted); font-size: .85rem;
  text-transform: uppercase; letter-spacing: .04em; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: .25rem 1.5rem; padding: .4rem 0; }
.row p { margin: 0; }
.who { grid-column: 1 / -1; margin: .9rem 0 0; font-weight: 650; }
.who .role { font-weight: 400; color: var(--muted); }
.english { color: #2b2b2b; }
.heading { border-top: 1px solid var(--line); margin-top: 1.2rem; }
.heading .original, .heading .english { font-size: 1.15rem; font-weight: 650; margin: 0; }
.kind { grid-column: 1 / -1; color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; }
.narration .original, .narration .english { font-style: italic; color: var(--muted); }
.asked { background: var(--asked); border-radius: 4px; }
mark.quote { background: var(--mark); color: var(--ink); scroll-margin-top: 40vh; padding: 0 .1em; }
.english .hl { background: var(--mark); }
.s:target { background: var(--mark); }
a.time { font-size: .8rem; text-decoration: none; margin-right: .3em; white-space: nowrap; }
a.time::before { content: "▶ " attr(data-time); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--soft); }
.notice { padding: .6rem .9rem; background: var(--soft); }
@media (max-width: 40rem) {
  body { font-size: 16px; }
  .row, .columns { grid-template-columns: 1fr; }
  .columns { display: none; }
  .english { border-left: 3px solid var(--line); padding-left: .6rem; }
  .facts { grid-template-columns: 1fr; }
}
`;
