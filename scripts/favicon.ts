// Draws the site icon once and writes it twice: app/icon.svg (modern browsers) and
// app/favicon.ico (16 and 32 px, for clients that ask for /favicon.ico). Run after changing the
// shape: `npx tsx scripts/favicon.ts`.
import { writeFile } from "node:fs/promises";
import path from "node:path";

// Geometry on a 32 × 32 grid: a rounded square with a check mark.
const size = 32;
const radius = 7;
const background = { r: 0x1d, g: 0x4e, b: 0xd8 };
const check: Array<[number, number]> = [
  [8.5, 16.5],
  [14, 22],
  [23.5, 10.5],
];
const strokeWidth = 4;

function svg(): string {
  const points = check.map(([x, y]) => `${x} ${y}`).join(" L");
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}">`,
    `<rect width="${size}" height="${size}" rx="${radius}" fill="#${[background.r, background.g, background.b].map((c) => c.toString(16).padStart(2, "0")).join("")}"/>`,
    `<path d="M${points}" fill="none" stroke="#fff" stroke-width="${strokeWidth}" stroke-linecap="round" stroke-linejoin="round"/>`,
    `</svg>`,
    "",
  ].join("\n");
}

function insideRoundedSquare(x: number, y: number): boolean {
  const dx = Math.max(radius - x, 0, x - (size - radius));
  const dy = Math.max(radius - y, 0, y - (size - radius));
  return x >= 0 && y >= 0 && x <= size && y <= size && dx * dx + dy * dy <= radius * radius;
}

function distanceToSegment(x: number, y: number, [ax, ay]: [number, number], [bx, by]: [number, number]): number {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
}

function onCheck(x: number, y: number): boolean {
  return check.slice(1).some((point, index) => distanceToSegment(x, y, check[index] ?? point, point) <= strokeWidth / 2);
}

/** BGRA pixels, top row first, 4 × 4 samples per pixel. */
function rasterize(pixels: number): Uint8Array {
  const out = new Uint8Array(pixels * pixels * 4);
  const samples = 4;
  const scale = size / pixels;
  for (let row = 0; row < pixels; row++) {
    for (let column = 0; column < pixels; column++) {
      let covered = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (column + (sx + 0.5) / samples) * scale;
          const y = (row + (sy + 0.5) / samples) * scale;
          if (!insideRoundedSquare(x, y)) continue;
          covered++;
          if (onCheck(x, y)) white++;
        }
      }
      const mix = covered === 0 ? 0 : white / covered;
      const offset = (row * pixels + column) * 4;
      out[offset] = Math.round(background.b + (255 - background.b) * mix);
      out[offset + 1] = Math.round(background.g + (255 - background.g) * mix);
      out[offset + 2] = Math.round(background.r + (255 - background.r) * mix);
      out[offset + 3] = Math.round((covered / samples ** 2) * 255);
    }
  }
  return out;
}

/** One ICO image: a BITMAPINFOHEADER, bottom-up BGRA rows, then an all-zero AND mask. */
function bitmap(pixels: number): Buffer {
  const rgba = rasterize(pixels);
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(pixels, 4);
  header.writeInt32LE(pixels * 2, 8); // colour rows plus mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const rows = Buffer.alloc(pixels * pixels * 4);
  for (let row = 0; row < pixels; row++) {
    Buffer.from(rgba.subarray(row * pixels * 4, (row + 1) * pixels * 4)).copy(rows, (pixels - 1 - row) * pixels * 4);
  }
  const mask = Buffer.alloc(Math.ceil(pixels / 32) * 4 * pixels);
  return Buffer.concat([header, rows, mask]);
}

function ico(sizes: readonly number[]): Buffer {
  const images = sizes.map(bitmap);
  const directory = Buffer.alloc(6 + 16 * sizes.length);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(sizes.length, 4);
  let offset = directory.length;
  sizes.forEach((pixels, index) => {
    const entry = 6 + 16 * index;
    const image = images[index] ?? Buffer.alloc(0);
    directory.writeUInt8(pixels % 256, entry);
    directory.writeUInt8(pixels % 256, entry + 1);
    directory.writeUInt16LE(1, entry + 4);
    directory.writeUInt16LE(32, entry + 6);
    directory.writeUInt32LE(image.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += image.length;
  });
  return Buffer.concat([directory, ...images]);
}

const app = path.resolve(import.meta.dirname, "../app");
await writeFile(path.join(app, "icon.svg"), svg());
await writeFile(path.join(app, "favicon.ico"), ico([16, 32]));
console.log("wrote app/icon.svg and app/favicon.ico");
