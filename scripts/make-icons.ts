/**
 * Draws the Teams app icons (a heart cradled by an open hand-like bowl) and writes them as PNG,
 * so the package needs no image tool: appPackage/color.png (192×192, white mark on the accent
 * colour) and appPackage/outline.png (32×32, white on transparent, as Teams requires).
 *
 * Run from the repository root after a build:  npm run build && node dist/scripts/make-icons.js
 * (optionally with another output folder as the first argument). The PNGs are committed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** The manifest's accentColor: the colour icon's background. */
export const ACCENT = { r: 0x1b, g: 0x6b, b: 0x73 };

/** Whether a point of the unit square (0..1, y downward) belongs to the mark. */
function inMark(x: number, y: number): boolean {
  return inHeart(x, y) || inBowl(x, y);
}

function inHeart(x: number, y: number): boolean {
  const scale = 0.2;
  const hx = (x - 0.5) / scale;
  const hy = -(y - 0.44) / scale;
  // The classic implicit heart curve: (x² + y² − 1)³ − x²·y³ ≤ 0.
  const a = hx * hx + hy * hy - 1;
  return a * a * a - hx * hx * hy * hy * hy <= 0;
}

/** The lower part of a thick ring around the heart, with rounded ends: two hands holding it. */
function inBowl(x: number, y: number): boolean {
  const cx = 0.5;
  const cy = 0.42;
  const radius = 0.35;
  const half = 0.045;
  const from = (5 * Math.PI) / 180;
  const to = (175 * Math.PI) / 180;
  const dx = x - cx;
  const dy = y - cy;
  const angle = Math.atan2(dy, dx);
  const onRing = Math.abs(Math.hypot(dx, dy) - radius) <= half;
  if (onRing && angle >= from && angle <= to) return true;
  return [from, to].some((a) => Math.hypot(x - (cx + radius * Math.cos(a)), y - (cy + radius * Math.sin(a))) <= half);
}

/** The share of a pixel the mark covers, from a 4×4 grid of samples. */
function coverage(px: number, py: number, size: number): number {
  const n = 4;
  let hits = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (inMark((px + (i + 0.5) / n) / size, (py + (j + 0.5) / n) / size)) hits++;
    }
  }
  return hits / (n * n);
}

type Pixel = (x: number, y: number) => [r: number, g: number, b: number, a: number];

function colorIcon(size: number): Pixel {
  return (x, y) => {
    const c = coverage(x, y, size);
    const mix = (bg: number): number => Math.round(bg + (255 - bg) * c);
    return [mix(ACCENT.r), mix(ACCENT.g), mix(ACCENT.b), 255];
  };
}

function outlineIcon(size: number): Pixel {
  return (x, y) => [255, 255, 255, Math.round(255 * coverage(x, y, size))];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG, every row unfiltered (filter type 0). */
export function encodePng(size: number, pixel: Pixel): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4);
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), row + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const out = process.argv[2] ?? 'appPackage';
  writeFileSync(join(out, 'color.png'), encodePng(192, colorIcon(192)));
  writeFileSync(join(out, 'outline.png'), encodePng(32, outlineIcon(32)));
  console.log(`wrote ${join(out, 'color.png')} and ${join(out, 'outline.png')}`);
}
