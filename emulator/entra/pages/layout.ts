const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Safe HTML built by the page templates (never from request values without `esc`). */
export type Html = string;

const STYLE = `
body{margin:0;font-family:"Segoe UI",system-ui,sans-serif;background:#f2f2f2;color:#1b1b1b}
main{max-width:440px;margin:8vh auto;background:#fff;padding:44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}
h1{font-size:1.5rem;font-weight:600;margin:0 0 16px}
label{display:block;margin:16px 0 4px;font-size:.95rem}
input[type=text],input[type=email],input[type=password]{width:100%;box-sizing:border-box;padding:6px 0;border:0;border-bottom:1px solid #666;font-size:1rem}
button{margin-top:24px;padding:8px 24px;font-size:1rem;border:0;background:#0067b8;color:#fff;cursor:pointer}
button.secondary{background:#ccc;color:#1b1b1b;margin-right:8px}
.error{color:#e81123;margin:12px 0}
.code{font-size:.8rem;color:#666}
.brand{font-weight:600;color:#737373;margin-bottom:24px}
ul.perms li{margin:6px 0}
.checkbox{display:flex;gap:8px;align-items:flex-start;margin-top:16px}
.checkbox label{margin:0}
`;

/** The page shell shared by sign-in, MFA, consent, error and sign-out pages. */
export function layout(title: string, body: Html): Html {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="none"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body><main><div class="brand" aria-hidden="true">Microsoft (local emulator)</div>${body}</main></body></html>`;
}

/** An error line with its AADSTS code, as Entra shows it under a form. */
export function errorBlock(message: string | undefined, code?: number): Html {
  if (!message) return '';
  return `<p class="error" role="alert" id="error">${esc(message)}${code ? ` <span class="code">(AADSTS${code})</span>` : ''}</p>`;
}
