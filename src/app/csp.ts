/**
 * The page's Content-Security-Policy, written once: vite.config.ts sends it as a header from the
 * dev server (`npm start`) and `vite preview`, and writes it into the built index.html as a
 * `<meta>` for static hosts that send no header. Scripts, styles and connections come from the
 * page's own origin only; no inline code. The dev server needs nothing more: its HMR websocket
 * is on the page's own host and port, which `connect-src 'self'` covers in CSP Level 3
 * (Chromium and Firefox match ws: against 'self'), and every stylesheet is a `<link>`ed file
 * (index.html), never a `<style>` vite would inject from a JS import.
 */
const DIRECTIVES: readonly (readonly [string, string])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a browser ignores (and warns about) in a `<meta>` policy: they only work as a header. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** The policy sent as the `Content-Security-Policy` header. */
export const CSP_HEADER = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** The same policy for `<meta http-equiv="Content-Security-Policy">`, without header-only directives. */
export const CSP_META = DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name))
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');
