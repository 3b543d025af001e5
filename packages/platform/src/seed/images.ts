import { PRODUCTS, type SeedProduct } from './catalogue.js';

export const IMAGE_SIZE = 400;

/** Path under which the platform serves a product's picture (no external URLs needed). */
export const imagePath = (product: SeedProduct): string => `/images/${product.sku.toLowerCase()}.svg`;

const byPath = new Map(PRODUCTS.map((product) => [imagePath(product), product]));

/** The generated SVG for an image path, or undefined when no product has that path. */
export function productImageSvg(path: string): string | undefined {
  const product = byPath.get(path);
  return product ? renderSvg(product) : undefined;
}

function renderSvg(product: SeedProduct): string {
  const size = IMAGE_SIZE;
  const initials = product.name
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0] ?? '')
    .join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`,
    `<rect width="${size}" height="${size}" fill="hsl(${product.hue} 45% 88%)"/>`,
    `<circle cx="${size / 2}" cy="${size * 0.42}" r="${size * 0.24}" fill="hsl(${product.hue} 50% 45%)"/>`,
    `<text x="50%" y="${size * 0.47}" text-anchor="middle" font-family="sans-serif" font-size="${size * 0.16}" fill="#fff">${escapeXml(initials)}</text>`,
    `<text x="50%" y="${size * 0.85}" text-anchor="middle" font-family="sans-serif" font-size="${size * 0.06}" fill="#333">${escapeXml(product.name)}</text>`,
    '</svg>',
  ].join('');
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}
