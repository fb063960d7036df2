// The QR code on an onsite confirmation (docs/adr/0024). It encodes the secretariat's check-in
// address for that registration, so any phone camera opens the back office's check-in page, which
// asks to confirm and needs `content.manage`; to anyone else the address gives nothing.
import QRCode from 'qrcode';
import type { Locale } from '../../../platform/i18n/locales';

/** Medium error correction (15 %): survives a scuffed print-out or a cracked screen. */
const QR_OPTIONS = { errorCorrectionLevel: 'M' } as const;
/** The quiet zone around the code, in modules (ISO/IEC 18004 asks for 4). */
const QUIET_ZONE = 4;

/** The back office's check-in page for one registration's code (an absolute URL when `origin` is given). */
export function checkInUrl(origin: string, locale: Locale, sessionId: string, code: string): string {
  return `${origin}/${locale}/admin/registrations/${sessionId}/check-in?code=${encodeURIComponent(code)}`;
}

/** The QR symbol as one SVG path: a 1×1 square per dark module, quiet zone included in `size`. */
export function qrSvgPath(text: string): { size: number; path: string } {
  const { modules } = QRCode.create(text, QR_OPTIONS);
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
    }
  }
  return { size: modules.size + 2 * QUIET_ZONE, path: parts.join('') };
}

/** The same symbol as a PNG (for e-mail, where inline SVG is poorly supported), 6 px a module. */
export function qrPng(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...QR_OPTIONS, type: 'png', margin: QUIET_ZONE, scale: 6 });
}
