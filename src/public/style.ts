/** The public pages' only stylesheet, served from /status/postmortems/style.css (the CSP allows no inline style). */
export const PUBLIC_CSS = `:root { color-scheme: light dark; }
body { font: 1rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1f2328; background: #fff; }
header, main, footer { max-width: 44rem; margin: 0 auto; padding: 1rem; }
header { border-bottom: 1px solid #d0d7de; }
header a { color: inherit; font-weight: 600; text-decoration: none; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0; overflow-wrap: anywhere; }
h2 { font-size: 1.2rem; margin: 1.75rem 0 .5rem; }
h3, h4, h5, h6 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
p, li, td, th { overflow-wrap: anywhere; }
pre { overflow-x: auto; padding: .5rem; background: #f6f8fa; }
table { border-collapse: collapse; display: block; overflow-x: auto; }
td, th { border: 1px solid #d0d7de; padding: .25rem .5rem; }
a { color: #0969da; }
.meta { color: #59636e; font-size: .9rem; margin: 0 0 1rem; }
.reports { list-style: none; padding: 0; }
.reports li { padding: .75rem 0; border-bottom: 1px solid #d0d7de; }
.reports a { font-weight: 600; font-size: 1.1rem; }
footer { color: #59636e; font-size: .85rem; }
@media (prefers-color-scheme: dark) {
  body { color: #e6edf3; background: #0d1117; }
  a { color: #4493f8; }
  pre { background: #161b22; }
  .meta, footer { color: #9198a1; }
  header, td, th, .reports li { border-color: #30363d; }
}
`;
