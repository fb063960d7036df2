import { qrSvgPath } from '../service/check-in-qr';

/** A QR code drawn as SVG on the server: black on white whatever the theme, so scanners read it. */
export function QrCode({ text, label, px = 200 }: { text: string; label: string; px?: number }) {
  const { size, path } = qrSvgPath(text);
  return (
    <svg
      class="qr-code"
      role="img"
      aria-label={label}
      width={px}
      height={px}
      viewBox={`0 0 ${size} ${size}`}
      shape-rendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
