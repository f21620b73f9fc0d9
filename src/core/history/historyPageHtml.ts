import {
  encodeInlineMessage,
  INLINE_MESSAGE_ELEMENT_ID,
  type InlineHistoryMessage,
} from '../../shared/historyInlineMessage';

/** The resource addresses and nonce the page's HTML is built from; the host turns files into webview URIs. */
export interface HistoryPageResources {
  /** `webview.cspSource`: where the codicon font may come from. */
  cspSource: string;
  /** A fresh value for every page load (see createNonce). */
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconStyleUri: string;
  /** A second style sheet, loaded after `styleUri` (the compare page adds its table to the history page's look). */
  extraStyleUri?: string;
  /** The document title; "Version History" unless given. */
  title?: string;
  /** The history page's first state, drawn before the page says `ready` (historyInlineMessage.ts). */
  firstState?: InlineHistoryMessage;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The Content-Security-Policy of the page: nothing by default, script and
 * style only with the nonce, fonts (the codicons) only from the webview's
 * own resource origin.
 */
export function historyPageCsp(resources: Pick<HistoryPageResources, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${resources.nonce}'`,
    `style-src 'nonce-${resources.nonce}'`,
    `font-src ${resources.cspSource}`,
  ].join('; ');
}

/**
 * A page's HTML (the history page's, and with a title and an extra sheet the
 * compare page's): a static shell that the script fills in, from the first
 * state when one is given, else once the host answers its `ready`. The
 * resource addresses are escaped for their attributes; the first state, server
 * text, is escaped JSON in a data block that never runs (encodeInlineMessage).
 */
export function buildHistoryPageHtml(resources: HistoryPageResources): string {
  const nonce = escapeAttribute(resources.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(historyPageCsp(resources))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" nonce="${nonce}" href="${escapeAttribute(resources.codiconStyleUri)}">
  <link rel="stylesheet" nonce="${nonce}" href="${escapeAttribute(resources.styleUri)}">${
    resources.extraStyleUri === undefined
      ? ''
      : `\n  <link rel="stylesheet" nonce="${nonce}" href="${escapeAttribute(resources.extraStyleUri)}">`
  }
  <title>${escapeAttribute(resources.title ?? 'Version History')}</title>
</head>
<body>
  <div id="status" class="status" role="status" aria-live="polite"></div>
  <main id="app" aria-busy="true">
    <p class="state-message"><span class="codicon codicon-loading codicon-modifier-spin" aria-hidden="true"></span> Loading…</p>
  </main>${
    resources.firstState === undefined
      ? ''
      : `\n  <script type="application/json" id="${INLINE_MESSAGE_ELEMENT_ID}">${encodeInlineMessage(resources.firstState)}</script>`
  }
  <script nonce="${nonce}" src="${escapeAttribute(resources.scriptUri)}"></script>
</body>
</html>
`;
}
