import { NavLink, Stack } from '@mantine/core';
import { useT } from '../i18n';
import { AREAS } from './areas';
import { hrefFor } from './router';

/** Plain links: Tab reaches each one, Enter follows it, the current one is marked for screen readers. */
export function Navigation({ path, onNavigate }: { path: string; onNavigate: () => void }) {
  const t = useT();
  return (
    <nav aria-label={t('app.mainNavigation')}>
      <Stack gap={2}>
        {AREAS.map((area) => {
          const active = area.path === path;
          return (
            <NavLink
              key={area.id}
              href={hrefFor(area.path)}
              label={t(area.title)}
              leftSection={<area.icon size={18} stroke={1.7} />}
              active={active}
              aria-current={active ? 'page' : undefined}
              data-testid={`nav-${area.id}`}
              onClick={onNavigate}
              styles={{ root: { borderRadius: 'var(--mantine-radius-md)' }, label: { fontSize: 14 } }}
            />
          );
        })}
      </Stack>
    </nav>
  );
}
