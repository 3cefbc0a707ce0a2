import { previewImport } from './preview';
import { runImport } from './run';

/** CSV imports of orders (Shopify, WooCommerce, any spreadsheet with a mapping): import.preview and import.run. */
export const importHandlers = {
  'import.preview': previewImport,
  'import.run': runImport,
};
