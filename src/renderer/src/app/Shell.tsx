import { AppShell, Burger, Group, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { MouseEvent } from 'react';
import { IconBuildingStore } from '@tabler/icons-react';
import { useInvalidateOnDataChanged } from '../api';
import { useSyncFinishedNotice } from '../features/sync/useSyncFinishedNotice';
import { useT } from '../i18n';
import { ColorSchemeToggle } from './header/ColorSchemeToggle';
import { ActingStaffSelect } from './header/ActingStaffSelect';
import { LanguageSwitch } from './header/LanguageSwitch';
import { StoreLabel } from './header/StoreLabel';
import { Navigation } from './Navigation';
import { RouteView } from './RouteView';
import { usePath } from './router';
import classes from './Shell.module.css';

export function Shell() {
  const t = useT();
  const path = usePath();
  const [navOpen, nav] = useDisclosure(false);
  useInvalidateOnDataChanged();
  useSyncFinishedNotice();

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 232, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
    >
      <a href="#main" className={classes.skipLink} onClick={skipToContent}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('app.openNavigation')} />
            <ThemeIcon size={30} radius="md" aria-hidden>
              <IconBuildingStore size={18} />
            </ThemeIcon>
            <Text fw={700} fz="lg" data-testid="app-name">
              {t('app.name')}
            </Text>
            <StoreLabel />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <ActingStaffSelect />
            <LanguageSwitch />
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" className={classes.navbar}>
        <Navigation path={path} onNavigate={nav.close} />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <RouteView path={path} />
      </AppShell.Main>
    </AppShell>
  );
}

/** The hash belongs to the router, so the skip link moves focus itself instead of navigating. */
function skipToContent(event: MouseEvent<HTMLAnchorElement>): void {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
