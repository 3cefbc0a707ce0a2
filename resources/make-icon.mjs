// Draws Backroom's app icon (a small shop front on an indigo tile) as
// resources/icon.svg and a 1024×1024 resources/icon.png, with no dependencies.
// electron-builder derives the Windows .ico and macOS .icns from the PNG.
//
//   node resources/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const SIZE = 1024;
const SAMPLES = 4; // per axis, for anti-aliased edges

const TOP = [92, 124, 250]; // Mantine indigo.5
const BOTTOM = [54, 79, 199]; // indigo.8
const WHITE = [255, 255, 255];

// The design in unit coordinates; the SVG below draws the same shapes.
const tile = { x0: 0.06, y0: 0.06, x1: 0.94, y1: 0.94, r: 0.2 };
const awning = { x0: 0.2, y0: 0.26, x1: 0.8, y1: 0.4 };
const scallops = [0, 1, 2, 3, 4].map((i) => ({ cx: 0.26 + i * 0.12, cy: 0.4, r: 0.06 }));
const body = { x0: 0.25, y0: 0.49, x1: 0.75, y1: 0.76, r: 0.02 };
const door = { x0: 0.45, y0: 0.58, x1: 0.58, y1: 0.76 };
const shopWindow = { x0: 0.3, y0: 0.55, x1: 0.39, y1: 0.65, r: 0.01 };

const inRoundRect = (x, y, { x0, y0, x1, y1, r = 0 }) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inCircle = (x, y, { cx, cy, r }) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** Colour and coverage of one sample point. */
function sample(x, y) {
  if (!inRoundRect(x, y, tile)) return null;
  const t = (y - tile.y0) / (tile.y1 - tile.y0);
  const background = TOP.map((c, i) => c + (BOTTOM[i] - c) * t);
  const onAwning = inRoundRect(x, y, awning) || (y >= awning.y1 && scallops.some((s) => inCircle(x, y, s)));
  const onBody =
    inRoundRect(x, y, body) && !inRoundRect(x, y, door) && !inRoundRect(x, y, shopWindow);
  return onAwning || onBody ? WHITE : background;
}

function renderPng() {
  const stride = SIZE * 4 + 1;
  const raw = Buffer.alloc(stride * SIZE);
  for (let py = 0; py < SIZE; py += 1) {
    raw[py * stride] = 0; // filter: none
    for (let px = 0; px < SIZE; px += 1) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const colour = sample((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered += 1;
        }
      }
      const o = py * stride + 1 + px * 4;
      if (covered > 0) {
        raw[o] = Math.round(r / covered);
        raw[o + 1] = Math.round(g / covered);
        raw[o + 2] = Math.round(b / covered);
      }
      raw[o + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function renderSvg() {
  const u = (v) => +(v * 100).toFixed(2);
  const rect = ({ x0, y0, x1, y1, r = 0 }, fill) =>
    `<rect x="${u(x0)}" y="${u(y0)}" width="${u(x1 - x0)}" height="${u(y1 - y0)}" rx="${u(r)}" fill="${fill}"/>`;
  const rgb = (c) => `rgb(${c.join(',')})`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="1024" height="1024">',
    `<defs><linearGradient id="tile" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${rgb(TOP)}"/><stop offset="1" stop-color="${rgb(BOTTOM)}"/></linearGradient></defs>`,
    rect(tile, 'url(#tile)'),
    rect(awning, '#fff'),
    ...scallops.map((s) => `<circle cx="${u(s.cx)}" cy="${u(s.cy)}" r="${u(s.r)}" fill="#fff"/>`),
    `<mask id="cut">${rect(body, '#fff')}${rect(door, '#000')}${rect(shopWindow, '#000')}</mask>`,
    `<rect x="0" y="0" width="100" height="100" fill="#fff" mask="url(#cut)"/>`,
    '</svg>',
    '',
  ].join('\n');
}

writeFileSync(join(here, 'icon.png'), renderPng());
writeFileSync(join(here, 'icon.svg'), renderSvg());
console.log('Wrote resources/icon.png and resources/icon.svg');
