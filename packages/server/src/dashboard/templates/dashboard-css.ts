/**
 * The dashboard's own rules on top of Pico's classless stylesheet: compact navigation, tables
 * that scroll sideways on a phone instead of widening the page, inline buttons, notices.
 */
export const DASHBOARD_CSS = `
:root { --pico-font-size: 100%; }
body > header { padding-block: 0.5rem; border-bottom: 1px solid var(--pico-muted-border-color); }
body > header nav { flex-wrap: wrap; }
body > header nav ul { flex-wrap: wrap; }
body > header nav form { margin: 0; }
body > header nav button { margin: 0; padding: 0.3rem 0.8rem; font-size: 0.875rem; }
body > main { padding-top: 1rem; }
h1 { font-size: 1.75rem; margin-bottom: 0.75rem; }
h2 { font-size: 1.3rem; }
.skip { position: absolute; left: -100vw; }
.skip:focus { left: 0.5rem; top: 0.5rem; z-index: 10; background: var(--pico-background-color); padding: 0.5rem; }
.scroll { overflow-x: auto; margin-bottom: var(--pico-spacing); }
.scroll table { margin-bottom: 0; }
td, th { white-space: nowrap; }
td.wrap { white-space: normal; min-width: 12rem; }
form.inline { display: inline; margin: 0; }
form.inline button { width: auto; margin: 0; padding: 0.2rem 0.7rem; font-size: 0.875rem; }
.muted, small { color: var(--pico-muted-color); }
img.logo { vertical-align: middle; margin-inline-end: 0.35rem; border-radius: 3px; }
.notice, .problem { border-left: 0.3rem solid; padding: 0.75rem 1rem; margin-bottom: var(--pico-spacing);
  background: var(--pico-card-background-color); border-radius: var(--pico-border-radius); }
.notice { border-color: var(--pico-ins-color); }
.problem { border-color: var(--pico-del-color); }
.problem h2 { font-size: 1.05rem; margin-bottom: 0.25rem; }
.problem ul, .notice p { margin-bottom: 0; }
.secret { font-size: 1rem; word-break: break-all; user-select: all; }
.tabs ul { flex-wrap: wrap; }
.tabs a[aria-current='page'] { font-weight: bold; text-decoration: underline; }
.cards { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); }
.cards article { margin: 0; }
.narrow { max-width: 26rem; margin-inline: auto; }
legend { font-weight: 600; }
form h2 { margin-top: calc(var(--pico-spacing) * 2); }
h2 .muted { font-size: 0.9rem; font-weight: normal; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.4rem 1.5rem; margin-bottom: var(--pico-spacing); }
dl.facts dt { color: var(--pico-muted-color); }
dl.facts dd { margin: 0; }
code.uri { word-break: break-all; }
form.search .fields { display: grid; gap: 0 1rem; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); }
article.event, article.delivery { padding: 0.75rem 1rem; margin-bottom: 1rem; }
article.event > header, article.delivery > header { margin: 0 0 0.5rem; padding: 0; background: none; border: 0; }
article.delivery > header form.inline { margin-left: 0.5rem; }
article.event pre { margin: 0; max-height: 20rem; overflow: auto; }
.charts { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); }
figure.chart { margin: 0; padding: 0.75rem; border: 1px solid var(--pico-muted-border-color); border-radius: var(--pico-border-radius); }
figure.chart svg { display: block; width: 100%; height: auto; margin-top: 0.5rem; }
figure.chart text { font-size: 11px; fill: var(--pico-muted-color); }
figure.chart line { stroke: var(--pico-muted-border-color); stroke-width: 1; }
ul.legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; padding: 0; margin: 0.5rem 0 0; font-size: 0.8rem; }
ul.legend li { list-style: none; margin: 0; }
.swatch { display: inline-block; width: 0.75rem; height: 0.75rem; margin-right: 0.3rem; vertical-align: -0.05rem; border-radius: 2px; }
.s0 { fill: #2a9d8f; background: #2a9d8f; }
.s1 { fill: #e9c46a; background: #e9c46a; }
.s2 { fill: #e76f51; background: #e76f51; }
.s3 { fill: #8d99ae; background: #8d99ae; }
.s4 { fill: #6d597a; background: #6d597a; }
td.wrap.narrow-wrap { min-width: 8rem; }
table.dense th, table.dense td { padding-inline: 0.5rem; }
td.activity { white-space: normal; min-width: 11rem; }
td.activity > div { font-size: 0.875rem; line-height: 1.5; }
form.search[role='search'] { display: block; box-shadow: none; --pico-border-radius: 0.25rem; }
form.search[role='search'] > button { width: auto; border-radius: var(--pico-border-radius); }
.badge { display: inline-block; padding: 0 0.45rem; border-radius: 1rem; font-size: 0.8rem; font-weight: 600; white-space: nowrap; }
.badge.ok { background: #d8f3dc; color: #1b4332; }
.badge.warn { background: #ffe8a3; color: #5c4400; }
.badge.bad { background: #ffd6d1; color: #7a1a10; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
@media (min-width: 576px) {
  form > button[type='submit'] { width: auto; padding-inline: 1.5rem; }
}
@media (max-width: 640px) {
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  table.stack tr { display: block; padding: 0.5rem 0; border-bottom: 1px solid var(--pico-muted-border-color); }
  table.stack td { display: flex; gap: 0.75rem; padding: 0.15rem 0; border: 0; white-space: normal; min-width: 0; }
  table.stack td::before { content: attr(data-label); flex: 0 0 8rem; color: var(--pico-muted-color); }
  dl.facts { grid-template-columns: 1fr; gap: 0; }
  dl.facts dd { margin-bottom: 0.5rem; }
}
code { word-break: break-word; }
@media (max-width: 480px) {
  body > main { padding-inline: 0.75rem; }
  h1 { font-size: 1.4rem; }
}
`;
