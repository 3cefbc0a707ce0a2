import { Box, Text } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useState, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n';
import { cellPaint } from './heatScale';

export interface HeatCell {
  /** 0..1, how strong the colour is. */
  intensity: number;
  /** What the cell shows ("42%", "$12.30"). */
  text: string;
  /** The sentence for the detail line (hover or keyboard). */
  description: string;
  /** The raw figure, for tests and assistive tools. */
  value: number;
}

export interface HeatGridProps {
  label: string;
  /** Header over the row labels, and over their second column when rows have sublabels. */
  rowHeader: string;
  subHeader?: string;
  rows: { key: string; label: string; sublabel?: string }[];
  columns: { key: string; label: string }[];
  /** Per row, per column; null is an empty cell (a month not reached yet). */
  cells: (HeatCell | null)[][];
  /** A title centred over the column labels ("Months since the first order"). */
  columnAxisTitle?: string;
  minCellWidth?: number;
  /** Room for the row labels (segment names need more than months). */
  labelWidth?: number;
  testId: string;
}

const SUB_WIDTH = 72;
const AXIS_TITLE_HEIGHT = 20;
const HEADER_HEIGHT = 26;
const CELL_HEIGHT = 30;
const GAP = 2;

/**
 * A grid of coloured cells with their values, drawn as one SVG so the chart
 * export can save it. Hovering or moving with the arrow keys (after Tab)
 * describes a cell in the line below the grid.
 */
export function HeatGrid(props: HeatGridProps) {
  const { rows, columns, cells, columnAxisTitle, minCellWidth = 48, labelWidth = 104 } = props;
  const t = useT();
  const { ref, width: available } = useElementSize();
  const [active, setActive] = useState<{ row: number; col: number } | null>(null);

  const hasSub = rows.some((row) => row.sublabel !== undefined);
  const left = labelWidth + (hasSub ? SUB_WIDTH : 0);
  const top = (columnAxisTitle ? AXIS_TITLE_HEIGHT : 0) + HEADER_HEIGHT;
  const cellWidth = Math.max(minCellWidth, columns.length > 0 ? (available - left) / columns.length : 0);
  const width = Math.max(available, left + cellWidth * columns.length);
  const height = top + rows.length * CELL_HEIGHT;
  const activeCell = active ? cells[active.row]?.[active.col] : undefined;

  const move = (event: KeyboardEvent<SVGSVGElement>) => {
    const steps: Record<string, [number, number]> = {
      ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1],
    };
    const step = steps[event.key];
    if (!step || rows.length === 0 || columns.length === 0) return;
    event.preventDefault();
    const from = active ?? { row: 0, col: 0 };
    const row = Math.max(0, Math.min(rows.length - 1, from.row + (active ? step[0] : 0)));
    const col = Math.max(0, Math.min(columns.length - 1, from.col + (active ? step[1] : 0)));
    setActive({ row, col });
  };

  return (
    <Box>
      <Box ref={ref} style={{ overflowX: 'auto' }}>
        {available > 0 && (
          <svg
            width={width}
            height={height}
            role="group"
            aria-label={props.label}
            tabIndex={0}
            onKeyDown={move}
            onMouseLeave={() => setActive(null)}
            onBlur={() => setActive(null)}
            data-testid={props.testId}
            style={{ display: 'block', fontFamily: 'var(--mantine-font-family)', outlineOffset: 2 }}
          >
            {columnAxisTitle && (
              <text x={left + (cellWidth * columns.length) / 2} y={13} textAnchor="middle" fontSize={12} fill="var(--mantine-color-dimmed)">
                {columnAxisTitle}
              </text>
            )}
            <text x={0} y={top - 9} fontSize={12} fontWeight={600} fill="var(--mantine-color-dimmed)">
              {props.rowHeader}
            </text>
            {hasSub && props.subHeader && (
              <text x={left - 10} y={top - 9} fontSize={12} fontWeight={600} textAnchor="end" fill="var(--mantine-color-dimmed)">
                {props.subHeader}
              </text>
            )}
            {columns.map((column, col) => (
              <text
                key={column.key}
                x={left + col * cellWidth + cellWidth / 2}
                y={top - 9}
                fontSize={12}
                textAnchor="middle"
                fill="var(--mantine-color-dimmed)"
              >
                {column.label}
              </text>
            ))}
            {rows.map((row, r) => (
              <g key={row.key} transform={`translate(0, ${top + r * CELL_HEIGHT})`}>
                <text x={0} y={CELL_HEIGHT / 2 + 4} fontSize={12} fill="var(--mantine-color-text)">
                  {row.label}
                </text>
                {row.sublabel !== undefined && (
                  <text x={left - 10} y={CELL_HEIGHT / 2 + 4} fontSize={12} textAnchor="end" fill="var(--mantine-color-dimmed)">
                    {row.sublabel}
                  </text>
                )}
                {columns.map((column, c) => {
                  const cell = cells[r]?.[c];
                  if (!cell) return null;
                  const paint = cellPaint(cell.intensity);
                  const isActive = active?.row === r && active.col === c;
                  return (
                    <g
                      key={column.key}
                      data-testid="heat-cell"
                      data-row={row.key}
                      data-col={column.key}
                      data-value={cell.value}
                      onMouseEnter={() => setActive({ row: r, col: c })}
                    >
                      <rect
                        x={left + c * cellWidth + GAP / 2}
                        y={GAP / 2}
                        width={cellWidth - GAP}
                        height={CELL_HEIGHT - GAP}
                        rx={3}
                        fill={paint.fill}
                        fillOpacity={paint.fillOpacity}
                        stroke={isActive ? 'var(--mantine-color-text)' : 'none'}
                        strokeWidth={isActive ? 2 : 0}
                      />
                      <text
                        x={left + c * cellWidth + cellWidth / 2}
                        y={CELL_HEIGHT / 2 + 4}
                        fontSize={12}
                        textAnchor="middle"
                        fill={paint.textFill}
                        style={{ fontVariantNumeric: 'tabular-nums', pointerEvents: 'none' }}
                      >
                        {cell.text}
                      </text>
                      <title>{cell.description}</title>
                    </g>
                  );
                })}
              </g>
            ))}
          </svg>
        )}
      </Box>
      <Text size="xs" c="dimmed" mt="xs" aria-live="polite" data-testid={`${props.testId}-detail`} mih={18}>
        {activeCell ? activeCell.description : t('insights.grid.hint')}
      </Text>
    </Box>
  );
}
