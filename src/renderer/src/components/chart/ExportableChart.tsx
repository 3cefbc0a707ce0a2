import { ActionIcon, Box, Group, Menu, Paper, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconFileSpreadsheet, IconPhoto } from '@tabler/icons-react';
import { useId, useRef, type JSX, type ReactNode } from 'react';
import { useT } from '../../i18n';
import { chartPng } from './chartPng';
import { csvText } from '../../../../shared/csvWrite';
import { downloadBlob } from './downloadBlob';
import { DefinitionButton } from './DefinitionButton';

export interface ExportableChartProps {
  title: string;
  /** What the figure means, one click away (a popover from the ⓘ button beside the title). */
  definition?: ReactNode;
  /** File name without extension, for both exports; also marks the card (`data-chart`) for tests. */
  filename: string;
  /** The rows behind the chart, exported as they are (CSV). */
  csv: { columns: string[]; rows: (string | number | null)[][] };
  /** The body's fixed height in pixels (children may then use height="100%"); natural height when omitted. */
  height?: number;
  /** Extra controls beside the export menu (a switch, a select). */
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * A chart in a titled card that can explain itself and leave the app: a
 * definition popover, "Export PNG" (the drawn chart) and "Export CSV" (its rows).
 */
export function ExportableChart(props: ExportableChartProps): JSX.Element {
  const { title, definition, filename, csv, height, actions, children } = props;
  const t = useT();
  const cardRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const titleId = useId();

  const exportCsv = () => {
    // A byte-order mark, so spreadsheet programs read Chinese names as UTF-8.
    const blob = new Blob(['\ufeff', csvText(csv.columns, csv.rows)], { type: 'text/csv;charset=utf-8' });
    downloadBlob(blob, `${filename}.csv`);
  };
  const exportPng = async () => {
    const card = cardRef.current;
    const body = bodyRef.current;
    if (!card || !body) return;
    try {
      const png = await chartPng({ card, body, title });
      if (png) downloadBlob(png, `${filename}.png`);
      else notifications.show({ color: 'yellow', message: t('insights.chart.noChart') });
    } catch {
      notifications.show({ color: 'red', message: t('insights.chart.pngFailed') });
    }
  };

  return (
    <Paper withBorder p="md" radius="md" ref={cardRef} data-chart={filename} aria-labelledby={titleId} component="section">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="md" gap="xs">
        <Group gap={4} wrap="nowrap" miw={0}>
          <Title order={2} fz="md" fw={600} id={titleId} lineClamp={2}>
            {title}
          </Title>
          {definition && (
            <DefinitionButton
              label={title}
              definition={definition}
              ariaLabel={t('insights.chart.definitionOf', { title })}
              testId="chart-definition"
              textTestId="chart-definition-text"
            />
          )}
        </Group>
        <Group gap="xs" wrap="nowrap">
          {actions}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={t('insights.chart.exportOf', { title })}
                title={t('insights.chart.export')}
                data-testid="chart-export"
              >
                <IconDownload size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPhoto size={16} />} onClick={() => void exportPng()} data-testid="chart-export-png">
                {t('insights.chart.exportPng')}
              </Menu.Item>
              <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={exportCsv} data-testid="chart-export-csv">
                {t('insights.chart.exportCsv')}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <Box ref={bodyRef} h={height}>
        {children}
      </Box>
    </Paper>
  );
}
