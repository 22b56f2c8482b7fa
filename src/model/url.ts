/**
 * Which link targets may be live in a published annex. One rule for every writer (HTML, PDF,
 * Word), applied where the view model is made: http(s), mailto, relative paths and #fragments.
 * Anything else (`javascript:`, `data:`, `file:`) is published as the link's text only.
 */

const LIVE_SCHEMES = new Set(['http', 'https', 'mailto']);

export function isLiveUrl(url: string): boolean {
  // A browser drops tabs and newlines inside a URL and spaces around it (`java\tscript:`); a
  // URL that needs any of that, or holds other control characters, is not one a document means.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(url)) return false;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  return scheme === null ? !/^[^/?#]*:/.test(url) : LIVE_SCHEMES.has(scheme[1]!.toLowerCase());
}

/** The URL if it may be live, else undefined. */
export function liveHref(url: string | undefined): string | undefined {
  return url !== undefined && isLiveUrl(url) ? url : undefined;
}
