import type { EntraErrorSpec } from '../http/entra-error';
import { errorBlock, esc, layout, type Html } from './layout';

/** Entra's own error page, for errors it must not send to an unverified redirect URI. */
export function errorPage(spec: EntraErrorSpec, correlationId: string, timestamp: string): Html {
  return layout(
    'Sign in error',
    `<h1>Sorry, but we're having trouble signing you in.</h1>${errorBlock(`AADSTS${spec.code}: ${spec.message}`)}
<p class="code">Error: ${esc(spec.error)}<br>Correlation ID: ${esc(correlationId)}<br>Timestamp: ${esc(timestamp)}</p>`,
  );
}

export function signedOutPage(): Html {
  return layout(
    'Signed out',
    "<h1>You signed out of your account</h1><p>It's a good idea to close all browser windows.</p>",
  );
}

/** response_mode=form_post: an auto-submitting form, as the OAuth 2.0 Form Post Response Mode describes. */
export function formPostPage(action: string, fields: Record<string, string>): Html {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');
  return `<!doctype html><html><head><title>Working...</title></head><body onload="document.forms[0].submit()">
<form method="POST" name="hiddenform" action="${esc(action)}">${inputs}<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"></noscript></form></body></html>`;
}
