/**
 * A chart as a PNG without a new dependency: the chart's <svg> is cloned with
 * the computed styles it needs inlined (its colours are CSS variables, which a
 * standalone SVG cannot resolve), drawn on a canvas at 2× on the card's own
 * background, with the title above and the legend (HTML in Recharts) below.
 */

/** Enough presentation to render standalone: colours, strokes, text. */
const STYLE_PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap',
  'stroke-linejoin', 'opacity', 'stop-color', 'stop-opacity', 'font-family', 'font-size', 'font-weight',
  'font-style', 'text-anchor', 'dominant-baseline', 'visibility', 'display',
] as const;

const SCALE = 2;
const PADDING = 16;
const TITLE_HEIGHT = 28;
const LEGEND_HEIGHT = 24;

/** The chart itself: the largest <svg> in the body (icons and legend markers are svgs too). */
export function findChartSvg(container: HTMLElement): SVGSVGElement | null {
  let best: SVGSVGElement | null = null;
  let bestArea = 0;
  for (const svg of container.querySelectorAll('svg')) {
    if (svg.closest('.recharts-legend-wrapper')) continue;
    const box = svg.getBoundingClientRect();
    const area = box.width * box.height;
    if (area > bestArea) {
      best = svg;
      bestArea = area;
    }
  }
  return best;
}

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const declarations = STYLE_PROPERTIES.map((name) => [name, computed.getPropertyValue(name)] as const)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}:${value}`);
  target.setAttribute('style', declarations.join(';'));
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i += 1) {
    const from = sourceChildren[i];
    const to = targetChildren[i];
    if (from && to) inlineStyles(from, to);
  }
}

/** The SVG as standalone markup, sized as it is on screen. */
export function standaloneSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const { width, height } = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return { markup: new XMLSerializer().serializeToString(clone), width, height };
}

interface LegendEntry {
  label: string;
  color: string;
}

function legendEntries(container: HTMLElement): LegendEntry[] {
  return [...container.querySelectorAll('.recharts-legend-item')].map((item) => {
    const marker = item.querySelector('path, rect, circle');
    return {
      label: item.textContent?.trim() ?? '',
      color: marker ? getComputedStyle(marker).fill : getComputedStyle(item).color,
    };
  });
}

function loadImage(markup: string): Promise<HTMLImageElement> {
  // A data: URL, not a blob: one: the console's Content-Security-Policy allows images from 'self' and data: only.
  const image = new Image();
  return new Promise<HTMLImageElement>((resolve, reject) => {
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
  });
}

/** The first non-transparent background from the card outwards: the theme's own surface. */
function opaqueBackground(card: HTMLElement): string {
  for (let element: HTMLElement | null = card; element; element = element.parentElement) {
    const color = getComputedStyle(element).backgroundColor;
    if (color && color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color)) return color;
  }
  return '#ffffff';
}

/** Draws the card's chart as a PNG; null when the card holds no chart (loading, empty). */
export async function chartPng(options: { card: HTMLElement; body: HTMLElement; title: string }): Promise<Blob | null> {
  const svg = findChartSvg(options.body);
  if (!svg) return null;
  const { markup, width, height } = standaloneSvg(svg);
  const image = await loadImage(markup);
  const legend = legendEntries(options.body);
  const cardStyle = getComputedStyle(options.card);
  const font = cardStyle.fontFamily;

  const canvasWidth = width + PADDING * 2;
  const canvasHeight = PADDING + TITLE_HEIGHT + height + (legend.length > 0 ? LEGEND_HEIGHT : 0) + PADDING;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(canvasWidth * SCALE);
  canvas.height = Math.ceil(canvasHeight * SCALE);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.scale(SCALE, SCALE);
  context.fillStyle = opaqueBackground(options.card);
  context.fillRect(0, 0, canvasWidth, canvasHeight);

  context.fillStyle = cardStyle.color;
  context.font = `600 16px ${font}`;
  context.textBaseline = 'middle';
  context.fillText(options.title, PADDING, PADDING + TITLE_HEIGHT / 2 - 4);
  context.drawImage(image, PADDING, PADDING + TITLE_HEIGHT, width, height);

  context.font = `13px ${font}`;
  let x = PADDING;
  const y = PADDING + TITLE_HEIGHT + height + LEGEND_HEIGHT / 2;
  for (const entry of legend) {
    context.fillStyle = entry.color;
    context.fillRect(x, y - 5, 10, 10);
    context.fillStyle = cardStyle.color;
    context.fillText(entry.label, x + 14, y);
    x += 14 + context.measureText(entry.label).width + 16;
  }
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob), 'image/png'));
}
