/** The small catalogue every local run starts with. Keys and SKUs are stable: tests and docs use them. */

export interface SeedCategory {
  readonly key: string;
  readonly name: string;
}

export interface SeedProduct {
  readonly key: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly centAmount: number;
  readonly category: string;
  /** Hue of the generated picture. */
  readonly hue: number;
}

export const PRODUCT_TYPE_KEY = 'home-goods';

export const CATEGORIES: readonly SeedCategory[] = [
  { key: 'kitchen', name: 'Kitchen' },
  { key: 'living', name: 'Living' },
  { key: 'outdoor', name: 'Outdoor' },
  { key: 'stationery', name: 'Stationery' },
];

export const PRODUCTS: readonly SeedProduct[] = [
  { key: 'enamel-mug', sku: 'MUG-ENAMEL-01', name: 'Enamel Mug', description: 'A light enamel mug for coffee at home or by the campfire.', centAmount: 1490, category: 'kitchen', hue: 200 },
  { key: 'chef-knife', sku: 'KNIFE-CHEF-20', name: "Chef's Knife 20 cm", description: 'Forged stainless steel, balanced for everyday chopping.', centAmount: 7900, category: 'kitchen', hue: 10 },
  { key: 'cast-iron-pan', sku: 'PAN-CAST-26', name: 'Cast Iron Pan 26 cm', description: 'Pre-seasoned pan that goes from stove to oven.', centAmount: 4900, category: 'kitchen', hue: 30 },
  { key: 'linen-tea-towel', sku: 'TOWEL-LINEN-02', name: 'Linen Tea Towel', description: 'Washed linen, quick to dry, set of two.', centAmount: 1900, category: 'kitchen', hue: 50 },
  { key: 'wool-throw', sku: 'THROW-WOOL-01', name: 'Wool Throw', description: 'A warm merino throw for the sofa, 130 x 170 cm.', centAmount: 8900, category: 'living', hue: 280 },
  { key: 'ceramic-vase', sku: 'VASE-CERAMIC-M', name: 'Ceramic Vase', description: 'Hand-glazed stoneware vase, medium size.', centAmount: 3400, category: 'living', hue: 170 },
  { key: 'reading-lamp', sku: 'LAMP-READ-01', name: 'Reading Lamp', description: 'Adjustable arm, warm LED light, brass finish.', centAmount: 12900, category: 'living', hue: 45 },
  { key: 'cushion-cover', sku: 'CUSHION-COVER-45', name: 'Cushion Cover 45 cm', description: 'Organic cotton cover with a hidden zip.', centAmount: 2400, category: 'living', hue: 330 },
  { key: 'camping-chair', sku: 'CHAIR-CAMP-01', name: 'Camping Chair', description: 'Folds flat, carries 120 kg, weighs 2 kg.', centAmount: 5900, category: 'outdoor', hue: 120 },
  { key: 'water-bottle', sku: 'BOTTLE-STEEL-75', name: 'Steel Water Bottle 0.75 l', description: 'Double-walled, keeps drinks cold for 24 hours.', centAmount: 2900, category: 'outdoor', hue: 190 },
  { key: 'picnic-blanket', sku: 'BLANKET-PICNIC-01', name: 'Picnic Blanket', description: 'Water-resistant underside, rolls up with a strap.', centAmount: 3900, category: 'outdoor', hue: 95 },
  { key: 'dot-notebook', sku: 'NOTEBOOK-DOT-A5', name: 'Dot Grid Notebook A5', description: '192 pages of 100 g paper, lies flat.', centAmount: 1600, category: 'stationery', hue: 230 },
  { key: 'fountain-pen', sku: 'PEN-FOUNTAIN-F', name: 'Fountain Pen', description: 'Steel nib, fine, with a converter for bottled ink.', centAmount: 4500, category: 'stationery', hue: 260 },
  { key: 'desk-organiser', sku: 'ORGANISER-DESK-01', name: 'Desk Organiser', description: 'Oak tray with three compartments.', centAmount: 3200, category: 'stationery', hue: 25 },
];

/** The one customer every local run has; documented in the README. */
export const DEMO_CUSTOMER = {
  email: 'demo@example.com',
  password: 'demo-password',
  firstName: 'Demo',
  lastName: 'Shopper',
} as const;
