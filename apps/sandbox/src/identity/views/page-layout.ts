/** The one HTML layout of the identity stand-in's pages: small, accessible (WCAG 2.2 AA), no external assets. */

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export interface PageInput {
  /** Used for <title> and <h1>. */
  readonly heading: string;
  /** Trusted HTML for the page body, under the heading. */
  readonly body: string;
  /** Prefixes the <title> with "Error:" so screen-reader users hear that the form needs attention. */
  readonly hasError?: boolean;
}

export function renderPage({ heading, body, hasError = false }: PageInput): string {
  const title = `${hasError ? 'Error: ' : ''}${heading} – Rowan`;
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header class="banner"><p class="brand">Rowan <span class="tag">sandbox sign-in</span></p></header>
<main class="card">
<h1>${escapeHtml(heading)}</h1>
${body}
</main>
</body>
</html>`;
}

const STYLES = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font:1.1875rem/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0b0c0c;background:#f3f2f1}
.banner{background:#1f3d2b;color:#fff;padding:.75rem 1.25rem}
.brand{margin:0;font-weight:700;font-size:1.25rem}
.tag{font-weight:400;font-size:1rem;margin-left:.5rem}
.card{max-width:30rem;margin:2rem auto;padding:1.5rem 1.75rem;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.25)}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 1rem}
h2{font-size:1.125rem;margin:0 0 .5rem}
.field{margin-bottom:1.25rem}
label{display:block;font-weight:700;margin-bottom:.25rem}
.hint{display:block;color:#505a5f;margin:0 0 .35rem}
input{display:block;width:100%;font:inherit;padding:.45rem .6rem;border:2px solid #0b0c0c;border-radius:0;background:#fff;color:#0b0c0c}
input[aria-invalid="true"]{border-color:#b1270f}
.error{color:#b1270f;font-weight:700;margin:0 0 .35rem}
button{font:inherit;font-weight:700;color:#fff;background:#00703c;border:0;border-radius:3px;padding:.55rem 1.25rem;box-shadow:0 2px 0 #002d18;cursor:pointer}
button:hover{background:#005a30}
a{color:#1d70b8}
:focus-visible,input:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:0 0 0 6px #0b0c0c}
.demo{margin-top:2rem;padding:1rem;background:#f3f2f1;border-left:5px solid #1d70b8;font-size:1rem}
.demo ul{margin:.25rem 0 .75rem;padding-left:1.25rem}
.demo p{margin:.25rem 0}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip-path:inset(50%);border:0;white-space:nowrap}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.95em}
`;
