/**
 * `Content-Disposition: attachment` with a file name a browser saves safely (RFC 6266): an ASCII
 * `filename` with anything risky replaced, and the full name in `filename*` (RFC 5987) when it is
 * not plain ASCII.
 */
export function attachmentDisposition(fileName: string): string {
  const name = sanitiseFileName(fileName);
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  if (ascii === name) return `attachment; filename="${ascii}"`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/**
 * A name without folders, control characters or characters file systems refuse, at most 150
 * characters, never empty or hidden.
 */
export function sanitiseFileName(fileName: string): string {
  const base = fileName.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are what is being removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  const short = [...cleaned].slice(-150).join('');
  return short || 'document';
}

/** The name with its extension replaced by the one its content was found to be. */
export function withExtension(fileName: string, extension: string): string {
  const name = sanitiseFileName(fileName);
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return `${stem}.${extension}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
